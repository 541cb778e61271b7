import { replicationPorts } from '../../model/database-ports';
import { flowTarget } from '../../model/flow-target';
import type { Finding } from '../finding';
import type { Rule } from '../rule';

/**
 * Declared flows to a port nothing listens on: the target runs a database or the flow names a service, and the
 * flow's port is not its port (a typo, or the engine's default port when the database was moved). A replication
 * flow may name any port its engine replicates over (`model/database-ports.ts`: MySQL's XCom 33061, Redis's cluster
 * bus), and one that names none opens them all. Databases speak TCP, so a UDP flow to one is also reported. Targets
 * without a database may run anything: not checked.
 */
export const flowPort: Rule = {
  id: 'flow-port',
  codes: ['flow-port-unserved', 'flow-proto-mismatch'],
  run({ design, index, label }) {
    const out: Finding[] = [];
    for (const f of design.flows) {
      const { hostId, serviceId } = flowTarget(f.to);
      const host = index.host(hostId);
      if (!host) continue;
      const service = serviceId === null ? null : host.services.find((s) => s.id === serviceId) ?? null;
      const replication = f.kind === 'replication' && !service && host.database ? replicationPorts(host.database) : null;
      const served = service ? [service.port] : replication ?? (host.database ? [host.database.port] : null);
      // Most flows reach a port their target listens on over TCP: nothing to build for them.
      if (f.proto === 'tcp' && (served === null || f.port === null || served.includes(f.port))) continue;
      const listener = service
        ? { port: service.port, what: `service ${service.id} behind ${label(host.id)}` }
        : host.database
          ? { port: host.database.port, what: `${label(host.id)}'s ${host.database.engine}` }
          : null;
      if (!listener) continue;
      if (f.port !== null && served !== null && !served.includes(f.port)) {
        const others = replication ? replication.filter((p) => p !== listener.port) : [];
        const also = others.length > 0 ? ` (and replicates over ${others.join(', ')})` : '';
        out.push({
          code: 'flow-port-unserved',
          severity: 'warning',
          message: `Flow ${f.id} from ${label(f.from)} opens ${f.proto}/${f.port}, but ${listener.what} listens on ${listener.port}${also}: the firewalls would open a port nothing declared listens on, and keep ${listener.port} closed.`,
          subjects: { flows: [f.id], hosts: [f.from, host.id] },
          // A replication flow gets its engine's ports back (all of them), not the client port alone.
          fix: replication
            ? { label: `Open ${host.database?.engine ?? 'the engine'}'s replication ports (${replication.join(', ')}) for flow ${f.id}`, changes: [{ target: 'flow', id: f.id, set: { port: null } }] }
            : { label: `Set flow ${f.id}'s port to ${listener.port}`, changes: [{ target: 'flow', id: f.id, set: { port: listener.port } }] },
        });
      }
      if (f.proto === 'udp') {
        out.push({
          code: 'flow-proto-mismatch',
          severity: 'warning',
          message: `Flow ${f.id} to ${listener.what} is UDP, but databases are reached over TCP: the firewalls would not let its connections through.`,
          subjects: { flows: [f.id], hosts: [f.from, host.id] },
          fix: { label: `Make flow ${f.id} TCP`, changes: [{ target: 'flow', id: f.id, set: { proto: 'tcp' } }] },
        });
      }
    }
    return out;
  },
};
