import { parsePrefix, prefixesOverlap, tryParsePrefix } from '../../net';
import { DEFAULT_DB_PORTS } from '../design';
import type { Design, Host, Position } from '../design';
import { formatFieldError } from '../parse-design';
import { pinAddresses } from '../pin-addresses';
import { checkPoolRoom } from '../pool-room';
import { kindSpec } from './host-kinds';
import type { HostKind } from './host-kinds';
import { uniqueId } from './unique-id';

/** A host with every field at its default; the caller sets what the kind needs. */
export function blankHost(id: string, role: Host['role'], position: Position): Host {
  return {
    id, name: id, role, addresses: [], endpoint: null, listenPort: null, randomListenPort: false, behindNat: false, underlay: null, mtu: null,
    database: null, lans: [], services: [], masquerade: true, external: false, dialsIn: false, keys: null, publicKey: null, privateKey: null,
    position, notes: '',
  };
}

/**
 * Adds a host of a palette kind at a position, with a fresh id and an overlay address from its role's pool.
 * Keys are made afterwards, off the main thread (the store asks the worker). Returns the new design and the id, or
 * why the host cannot be added (its role's pool, or the IPv6 pool, has no free address left), naming the pool.
 */
export function addHost(design: Design, kind: HostKind, position: Position): { design: Design; id: string } | { error: string } {
  const spec = kindSpec(kind);
  const id = uniqueId(spec.stem, new Set(design.hosts.map((h) => h.id)), true);
  const host = blankHost(id, spec.role, { x: Math.round(position.x), y: Math.round(position.y) });
  if (spec.engine) host.database = { engine: spec.engine, port: DEFAULT_DB_PORTS[spec.engine] };
  if (spec.role === 'client' || spec.role === 'app') host.behindNat = spec.role === 'client';
  // No endpoint: a placeholder would be exported as if it were the host's real address. The inspector's Endpoint
  // field shows the format, and tunnel-no-endpoint names the host until one end of each tunnel has one.
  if (kind === 'site') {
    const lan = freeLan(design);
    host.lans = [lan];
    host.services = [{ id: 'managed-db', name: 'Managed PostgreSQL', address: lan.replace(/\.0\/16$/, '.10'), port: DEFAULT_DB_PORTS.postgresql }];
  }
  const next = { ...design, hosts: [...design.hosts, host] };
  const full = checkPoolRoom(next);
  if (full.length > 0) return { error: full.map(formatFieldError).join('; ') };
  // Only the new host gets an address; every other host's stays pinned where it is.
  return { design: pinAddresses(next).design, id };
}

/** The first 10.N.0.0/16 (N from 100) that overlaps no lan or pool of the design: a site's default VPC range. */
function freeLan(design: Design): string {
  const taken = [
    ...design.hosts.flatMap((h) => h.lans),
    ...Object.values(design.network.pools).filter((p): p is string => p !== null),
  ].flatMap((p) => {
    const parsed = tryParsePrefix(p);
    return parsed ? [parsed] : [];
  });
  for (let n = 100; n < 255; n++) {
    const candidate = parsePrefix(`10.${n}.0.0/16`);
    if (!taken.some((t) => prefixesOverlap(t, candidate))) return `10.${n}.0.0/16`;
  }
  return '10.254.0.0/16';
}
