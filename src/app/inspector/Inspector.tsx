import { designCounts } from '../../engine';
import { selectDesign, selectSelection } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { DesignInspector } from './DesignInspector';
import { DraftScopeProvider } from './draft-scope';
import { FlowInspector } from './FlowInspector';
import { HostInspector } from './HostInspector';
import { RegenerateKeys } from './RegenerateKeys';
import { TunnelInspector } from './TunnelInspector';
import { PanelToggle } from '../ui/PanelToggle';

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
    // Each item's text fields keep refused text under its id (draft-scope.tsx); the key remounts them per item.
    body = host ? <DraftScopeProvider key={`h:${host.id}`} scope={{ target: 'hosts', id: host.id, title: host.id }}><HostInspector host={host} /></DraftScopeProvider>
      : tunnel ? <DraftScopeProvider key={`t:${tunnel.id}`} scope={{ target: 'tunnels', id: tunnel.id, title: `tunnel ${tunnel.id}` }}><TunnelInspector tunnel={tunnel} /></DraftScopeProvider>
        : flow ? <DraftScopeProvider key={`f:${flow.id}`} scope={{ target: 'flows', id: flow.id, title: `flow ${flow.id}` }}><FlowInspector flow={flow} /></DraftScopeProvider>
          : <DraftScopeProvider scope={{ target: 'network', id: '', title: 'Design settings' }}><DesignInspector design={design} /></DraftScopeProvider>;
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      <div className="panel-title">Inspector<PanelToggle panel="inspector" /></div>
      {body}
    </aside>
  );
}
