import type { Host, Service } from '../../engine';
import { parseOptionalInt, TextField } from './fields';

/** Managed databases inside a gateway's lans (RDS, Cloud SQL...), which flows may name as `gateway/service`. */
export function ServicesEditor({ host, commit }: { host: Host; commit: (field: string, patch: Record<string, unknown>) => string | null }) {
  const set = (i: number, patch: Partial<Service>) =>
    commit(`services[${i}]`, { services: host.services.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const add = () => {
    const ids = new Set(host.services.map((s) => s.id));
    let n = host.services.length + 1;
    while (ids.has(`db-${n}`)) n++;
    const lan = host.lans[0]?.split('/')[0]?.replace(/\.0$/, '.10') ?? '10.0.0.10';
    commit('services', { services: [...host.services, { id: `db-${n}`, name: 'Managed database', address: lan, port: 5432 }] });
  };
  return (
    <div className="services">
      <div className="services__head">
        <span className="field__label">Managed databases in the lans</span>
        <button type="button" className="btn btn--small" onClick={add}>Add</button>
      </div>
      {host.services.map((s, i) => (
        <div className="service" key={i}>
          <div className="field-row">
            <TextField label="Id" name={`service-${i}-id`} mono lazy value={s.id} commit={(t) => set(i, { id: t.trim() })} />
            <TextField label="Name" name={`service-${i}-name`} value={s.name} commit={(t) => set(i, { name: t })} />
          </div>
          <div className="field-row">
            <TextField label="Address" name={`service-${i}-address`} mono value={s.address} commit={(t) => set(i, { address: t.trim() })} />
            <TextField label="Port" name={`service-${i}-port`} mono value={s.port.toString()} commit={(t) => {
              const n = parseOptionalInt(t);
              return n === 'bad' || n === null ? 'is required: a port 1-65535' : set(i, { port: n });
            }} />
          </div>
          <button type="button" className="btn btn--small btn--ghost"
            onClick={() => commit('services', { services: host.services.filter((_, j) => j !== i) })}>Remove {s.id}</button>
        </div>
      ))}
    </div>
  );
}
