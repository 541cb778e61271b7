import { designCounts } from '../../engine';
import { selectDesign, selectSelection } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { DesignInspector } from './DesignInspector';
import { FlowInspector } from './FlowInspector';
import { HostInspector } from './HostInspector';
import { RegenerateKeys } from './RegenerateKeys';
import { TunnelInspector } from './TunnelInspector';

/** The right-hand panel: whatever is selected, or the design itself. */
export function Inspector() {
  const store = useAppStoreApi();
  const design = useApp(selectDesign);
  const sel = useApp(selectSelection);
  const count = sel.hosts.length + sel.tunnels.length + sel.flows.length;
  let body: React.ReactNode;
  if (count > 1) {
    body = (
      <div className="inspector__body">
        <header className="inspector__head"><div className="inspector__title">{count} items selected</div></header>
        <section className="inspector__section">
          <p className="muted">{designCounts(sel, ', ')}.</p>
          <button type="button" className="btn btn--small btn--danger" onClick={() => store.getState().removeSelection()}>Delete selection</button>
        </section>
        {sel.hosts.length > 0 && (
          <section className="inspector__section">
            <RegenerateKeys hostIds={sel.hosts} label="Regenerate keys of the selected hosts" testId="regenerate-selected-keys" />
          </section>
        )}
      </div>
    );
  } else {
    const host = design.hosts.find((h) => h.id === sel.hosts[0]);
    const tunnel = design.tunnels.find((t) => t.id === sel.tunnels[0]);
    const flow = design.flows.find((f) => f.id === sel.flows[0]);
    body = host ? <HostInspector key={host.id} host={host} />
      : tunnel ? <TunnelInspector key={tunnel.id} tunnel={tunnel} />
        : flow ? <FlowInspector key={flow.id} flow={flow} />
          : <DesignInspector design={design} />;
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      <div className="panel-title">Inspector</div>
      {body}
    </aside>
  );
}
