import type { Design } from '../../engine';
import { parseOptionalInt, SelectField, TextField } from './fields';

const NONE = '';
const DEFAULT_EXPORTER_PORT = 9586;

/**
 * The monitoring host: it scrapes the exporter on every other managed host, so the plan adds those flows (routes and
 * firewall rules) without the user drawing them.
 */
export function MonitoringField({ design, commit }: { design: Design; commit: (field: string, patch: Record<string, unknown>) => string | null }) {
  const m = design.network.monitoring;
  const options = [{ value: NONE, label: 'none' }, ...design.hosts.map((h) => ({ value: h.id, label: h.id }))];
  return (
    <>
      <SelectField label="Monitoring host" value={m?.host ?? NONE} testId="field-monitoring-host" options={options}
        hint="Scrapes the exporter on every other host: the plan opens those flows."
        commit={(host) => commit('host', { monitoring: host === NONE ? null : { host, exporterPort: m?.exporterPort ?? DEFAULT_EXPORTER_PORT } })} />
      {m && (
        <TextField label="Exporter port" mono value={String(m.exporterPort)} testId="field-monitoring-port" name="monitoring-port"
          commit={(t) => {
            const n = parseOptionalInt(t);
            return n === 'bad' || n === null ? 'is required: a port 1-65535' : commit('exporterPort', { monitoring: { ...m, exporterPort: n } });
          }} />
      )}
    </>
  );
}
