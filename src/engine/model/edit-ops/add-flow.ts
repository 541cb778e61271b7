import type { Design, Flow, Proto } from '../design';
import { uniqueId } from './unique-id';

/** The port a flow to this target uses unless told otherwise: the database's or the service's, else null. */
export function defaultPort(design: Pick<Design, 'hosts'>, to: string): number | null {
  const [hostId, serviceId] = to.split('/');
  const host = design.hosts.find((h) => h.id === hostId);
  if (!host) return null;
  if (serviceId !== undefined) return host.services.find((s) => s.id === serviceId)?.port ?? null;
  return host.database?.port ?? null;
}

/** A flow to declare: the port defaults to the target's, the protocol to tcp, the kind to client. */
export interface FlowRequest {
  from: string;
  to: string;
  port?: number | null;
  proto?: Proto;
  kind?: Flow['kind'];
}

/**
 * Declares that `from` may reach `to` on a port ("app-1 may reach pg-primary on 5432"). The port defaults to the
 * target's database or service port; a replication flow to a database host keeps none, so it opens every port the
 * engine replicates over (`database-ports.ts`). Returns an error message when the flow cannot be declared.
 */
export function addFlow(design: Design, req: FlowRequest): { design: Design; id: string } | { error: string } {
  if (req.from === req.to) return { error: 'a flow goes from one host to another' };
  if (!design.hosts.some((h) => h.id === req.from)) return { error: `no host ${req.from}` };
  const engine = req.kind === 'replication' && (req.port ?? null) === null && !req.to.includes('/')
    && design.hosts.some((h) => h.id === req.to && h.database !== null);
  const port = engine ? null : req.port ?? defaultPort(design, req.to);
  if (port === null && !engine) return { error: `${req.to} runs no database or service: give the port` };
  if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65535)) return { error: 'the port must be 1-65535' };
  const proto = req.proto ?? 'tcp';
  const same = design.flows.find((f) => f.from === req.from && f.to === req.to && f.port === port && f.proto === proto);
  if (same) return { error: `${req.from} may already reach ${req.to} on ${proto}/${port ?? 'replication ports'} (${same.id})` };
  const stem = `f-${req.from}-${req.to.replace('/', '-')}`.slice(0, 60).replace(/-+$/, '');
  const id = uniqueId(stem, new Set(design.flows.map((f) => f.id)));
  const flow: Flow = { id, from: req.from, to: req.to, port, proto, kind: req.kind ?? 'client' };
  return { design: { ...design, flows: [...design.flows, flow] }, id };
}
