import { ROLES } from './design';
import type { Proto, Role } from './design';
import { flowTarget } from './flow-target';

// The type lives with the design's other types (design.ts), so the two modules do not import each other.
export type { PolicyTest } from './design';

/** Which hosts a selector names. */
export type Selector = { kind: 'all' } | { kind: 'role'; role: Role } | { kind: 'host'; id: string };

/** A test target read from its text: the hosts (or one service behind a gateway), a port and a protocol. */
export interface ProbeTarget {
  hosts: Selector;
  /** Set for `gateway-id/service-id:<port>`: the service's address is probed, through that gateway. */
  serviceId: string | null;
  port: number;
  proto: Proto;
}

// The schema's ID_PATTERN (schema.ts imports this file, so it cannot be imported from there).
const ID = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const SELECTOR_FORMS = 'a host id, "role:<role>" or "*"';

/** Reads `from` (or a target's host part); an error message when it is none of the three forms. */
export function parseSelector(s: string): Selector | string {
  if (s === '*') return { kind: 'all' };
  if (s.startsWith('role:')) {
    const role = s.slice(5);
    return (ROLES as readonly string[]).includes(role) ? { kind: 'role', role: role as Role } : `has no role "${role}" (roles: ${ROLES.join(', ')})`;
  }
  return ID.test(s) ? { kind: 'host', id: s } : `must be ${SELECTOR_FORMS}`;
}

/** Reads a `reach`/`never` entry; an error message naming what is wrong when it does not read. */
export function parseProbeTarget(s: string): ProbeTarget | string {
  const m = /^(.*):(\d{1,6})(?:\/(tcp|udp))?$/.exec(s);
  if (!m) return `must be "<host>:<port>", "role:<role>:<port>", "*:<port>" or "gateway-id/service-id:<port>", optionally ending "/udp"`;
  const port = Number(m[2]);
  if (port < 1 || port > 65_535) return `port ${port} is out of range 1-65535`;
  const proto = (m[3] ?? 'tcp') as Proto;
  const where = m[1] as string;
  if (where.includes('/')) {
    const { hostId, serviceId } = flowTarget(where);
    if (!ID.test(hostId) || serviceId === null || !ID.test(serviceId)) return 'a service target must be "gateway-id/service-id:<port>"';
    return { hosts: { kind: 'host', id: hostId }, serviceId, port, proto };
  }
  const hosts = parseSelector(where);
  return typeof hosts === 'string' ? hosts : { hosts, serviceId: null, port, proto };
}

/** The ids of the hosts a selector names, in design order. */
export function selectHosts(sel: Selector, hosts: ReadonlyArray<{ id: string; role: Role }>): string[] {
  if (sel.kind === 'all') return hosts.map((h) => h.id);
  if (sel.kind === 'role') return hosts.filter((h) => h.role === sel.role).map((h) => h.id);
  return hosts.some((h) => h.id === sel.id) ? [sel.id] : [];
}

/** `tcp/5432` or `udp/53`: how a target's port is shown. */
export function portText(t: { port: number; proto: Proto }): string {
  return `${t.proto}/${t.port}`;
}
