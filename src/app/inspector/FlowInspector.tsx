import { flowPorts } from '../../engine';
import type { Flow, Proto } from '../../engine';
import { selectDesign, selectPlan } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { SelectField, TextField, parseOptionalInt } from './fields';
import { flowTargets } from './flow-targets';
import { useCommit } from './use-commit';

/** The selected flow: its ends, port and protocol, and the path the plan found for it. */
export function FlowInspector({ flow }: { flow: Flow }) {
  const store = useAppStoreApi();
  const design = useApp(selectDesign);
  const plan = useApp(selectPlan);
  const commit = useCommit('flows', flow.id);
  const fp = plan?.flows.find((f) => f.flowId === flow.id && !f.reverse);
  const hosts = design.hosts.map((h) => ({ value: h.id, label: h.id }));
  return (
    <div className="inspector__body" data-testid="flow-inspector">
      <header className="inspector__head">
        <div>
          <div className="inspector__title">Flow {flow.id}</div>
          <div className="inspector__sub mono">{flow.from} {flow.kind === 'replication' ? '⇄' : '→'} {flow.to} {flow.proto}/{flowPorts(flow, design.hosts.find((h) => h.id === flow.to)).join(',')}</div>
        </div>
      </header>
      <section className="inspector__section">
        <SelectField label="From" value={flow.from} options={hosts} commit={(v) => commit('from', { from: v })} />
        <SelectField label="To" value={flow.to} options={flowTargets(design, flow.from)} commit={(v) => commit('to', { to: v })} />
        <div className="field-row">
          <TextField label="Port" mono value={flow.port === null ? '' : String(flow.port)} testId="field-flow-port" commit={(t) => {
            const n = parseOptionalInt(t);
            // Left empty, a replication flow to a database opens its engine's replication ports.
            if (n === null && flow.kind === 'replication') return commit('port', { port: null });
            return n === 'bad' || n === null ? 'is required: a port 1-65535' : commit('port', { port: n });
          }} />
          <SelectField<Proto> label="Protocol" value={flow.proto} options={[{ value: 'tcp', label: 'tcp' }, { value: 'udp', label: 'udp' }]}
            commit={(v) => commit('proto', { proto: v })} />
        </div>
        <SelectField label="Kind" value={flow.kind} options={[{ value: 'client', label: 'client (one way)' }, { value: 'replication', label: 'replication (both ways)' }]}
          commit={(v) => commit('kind', { kind: v })} />
        <div className="kv">
          <span className="kv__k">Path</span>
          <span className="kv__v mono" data-testid="flow-path">{fp?.path ? fp.path.join(' → ') : `none: ${fp?.unroutable ?? 'not planned'}`}</span>
          {fp?.pathMtu && <><span className="kv__k">Path MTU</span><span className="kv__v mono">{fp.pathMtu}</span></>}
        </div>
      </section>
      <section className="inspector__section">
        <button type="button" className="btn btn--small btn--danger" onClick={() => store.getState().removeSelection()}>Delete flow</button>
      </section>
    </div>
  );
}
