import { memo, useId, useMemo, useState } from 'react';
import type { Proto } from '../../engine';
import { defaultPort } from '../../engine';
import { selectDesign } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { flowTargets } from './flow-targets';

type Target = { value: string; label: string };

function sameTargets(a: readonly Target[], b: readonly Target[]): boolean {
  return a.length === b.length && a.every((t, i) => t.value === b[i]?.value && t.label === b[i]?.label);
}

/** A function that returns the previous targets while they read the same (a host's name typed changes none). */
function targetsKeeper() {
  let previous: readonly Target[] = [];
  return (next: readonly Target[]) => {
    if (!sameTargets(previous, next)) previous = next;
    return previous;
  };
}

/**
 * The target list: one option per host and service, 5,000 of them in a large design. Memoised on the list, so a
 * keystroke elsewhere in the inspector does not make React go over 5,000 options again.
 */
const TargetSelect = memo(function TargetSelect({ id, targets, value, onChange }: { id: string; targets: readonly Target[]; value: string; onChange: (to: string) => void }) {
  return (
    <select id={id} className="input" aria-label="Flow target" value={value} onChange={(e) => onChange(e.target.value)} data-testid="flow-to">
      {targets.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
    </select>
  );
});

/** "app-1 may reach pg-primary on 5432": declares a flow from the selected host. */
export function AddFlowForm({ from }: { from: string }) {
  const store = useAppStoreApi();
  const design = useApp(selectDesign);
  const hosts = design.hosts;
  const [keepTargets] = useState(targetsKeeper);
  const targets = useMemo(() => keepTargets(flowTargets({ hosts }, from)), [keepTargets, hosts, from]);
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
        <TargetSelect id={`${id}-to`} targets={targets} value={target} onChange={setTo} />
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
