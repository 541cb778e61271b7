import { flowPortText } from '../../engine';
import type { Host } from '../../engine';
import { selectDesign } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';

/** The flows from and to a host; click one to inspect it. */
export function HostFlows({ host }: { host: Host }) {
  const store = useAppStoreApi();
  const flows = useApp(selectDesign).flows;
  const mine = flows.filter((f) => f.from === host.id || f.to === host.id || f.to.startsWith(`${host.id}/`));
  if (mine.length === 0) return null;
  return (
    <section className="inspector__section">
      <h3 className="section-title">Flows ({mine.length})</h3>
      <ul className="flow-list">
        {mine.map((f) => (
          <li key={f.id}>
            <button type="button" className="linkish" onClick={() => store.getState().select({ hosts: [], tunnels: [], flows: [f.id] })}>
              <span className="mono">{f.from}</span> {f.kind === 'replication' ? '⇄' : '→'} <span className="mono">{f.to}</span>
              <span className="muted"> {f.proto}/{flowPortText(f)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
