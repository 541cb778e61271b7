import { useId, useState } from 'react';
import type { Proto } from '../../engine';
import { defaultPort, flowTargets } from '../store/ops/add-flow';
import { selectDesign } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';

/** "app-1 may reach pg-primary on 5432": declares a flow from the selected host. */
export function AddFlowForm({ from }: { from: string }) {
  const store = useAppStoreApi();
  const design = useApp(selectDesign);
  const targets = flowTargets(design, from);
  const id = useId();
  const [to, setTo] = useState('');
  const [port, setPort] = useState('');
  const [proto, setProto] = useState<Proto>('tcp');
  const [replication, setReplication] = useState(false);
  const target = to || targets[0]?.value || '';
  const suggested = target ? defaultPort(design, target) : null;
  if (targets.length === 0) return null;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const n = port.trim() === '' ? null : Number(port);
    const made = store.getState().addFlow({ from, to: target, port: n, proto, kind: replication ? 'replication' : 'client' });
    if (made) setPort('');
  };
  return (
    <form className="inspector__section add-flow" onSubmit={submit} data-testid="add-flow-form">
      <h3 className="section-title">Allow a flow</h3>
      <div className="add-flow__sentence">
        <span className="mono">{from}</span> may reach
        <select id={`${id}-to`} className="input" aria-label="Flow target" value={target} onChange={(e) => setTo(e.target.value)} data-testid="flow-to">
          {targets.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
        </select>
        on
        <select className="input input--narrow" aria-label="Protocol" value={proto} onChange={(e) => setProto(e.target.value as Proto)}>
          <option value="tcp">tcp</option>
          <option value="udp">udp</option>
        </select>
        <input className="input input--narrow mono" aria-label="Port" inputMode="numeric" placeholder={suggested?.toString() ?? 'port'}
          value={port} onChange={(e) => setPort(e.target.value)} data-testid="flow-port" />
      </div>
      <label className="check">
        <input type="checkbox" checked={replication} onChange={(e) => setReplication(e.target.checked)} />
        <span>Replication (allowed both ways)</span>
      </label>
      <button type="submit" className="btn btn--small" data-testid="add-flow">Add flow</button>
    </form>
  );
}
