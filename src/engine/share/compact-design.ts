import type { Design, Flow, Host, Tunnel } from '../model/design';
import { DEFAULT_DB_PORTS } from '../model/design';

/** Host fields at the value the schema gives them when left out (name and database are decided per host below). */
const HOST_DEFAULTS: Readonly<Record<string, unknown>> = {
  addresses: [], endpoint: null, listenPort: null, randomListenPort: false, behindNat: false, underlay: null, mtu: null,
  lans: [], services: [], masquerade: true, external: false, dialsIn: false, keys: null, publicKey: null,
  privateKey: null, position: { x: 0, y: 0 }, notes: '',
};
const TUNNEL_DEFAULTS: Readonly<Record<string, unknown>> = { presharedKey: null, keepalive: null, allowedIPs: null };
const FLOW_DEFAULTS: Readonly<Record<string, unknown>> = { proto: 'tcp', kind: 'client' };

/**
 * The design as the least JSON the schema reads back into the same design: every field at the value the schema would
 * give it when left out is dropped (a host's name when it is its id, a database host's PostgreSQL on 5432), as are
 * empty lists. Share links carry this: a 1,000-host design's link is a third shorter. Callers check the round trip
 * (see encodeShareFragment), so a default this misses costs length, never a field.
 */
export function compactDesign(design: Design): Record<string, unknown> {
  const out: Record<string, unknown> = { format: design.format };
  if (design.name !== '') out.name = design.name;
  out.network = design.network;
  out.hosts = design.hosts.map(compactHost);
  if (design.tunnels.length > 0) out.tunnels = design.tunnels.map((t: Tunnel) => without(t, TUNNEL_DEFAULTS));
  if (design.flows.length > 0) out.flows = design.flows.map((f: Flow) => without(f, FLOW_DEFAULTS));
  if (design.failover.length > 0) out.failover = design.failover;
  if (design.tests !== undefined) out.tests = design.tests;
  return out;
}

function compactHost(h: Host): Record<string, unknown> {
  const out = without(h, HOST_DEFAULTS);
  if (h.name === h.id) delete out.name;
  const defaultDatabase = h.role === 'db' ? { engine: 'postgresql', port: DEFAULT_DB_PORTS.postgresql } : null;
  if (sameData(h.database, defaultDatabase)) delete out.database;
  return out;
}

function without(item: object, defaults: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (v === undefined || (k in defaults && sameData(v, defaults[k]))) continue;
    out[k] = v;
  }
  return out;
}

/** Whether two JSON values hold the same data, whatever the order of their objects' keys. */
export function sameData(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
