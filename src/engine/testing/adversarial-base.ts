import { encodeKey } from '../keys';

/** JSON as the corpus mutates it: plain objects and arrays. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A peer outside the design, with a public key only (its bundle is made elsewhere). */
export const PARTNER_KEY = encodeKey(Uint8Array.from({ length: 32 }, (_, i) => (i * 53 + 5) & 0xff));

/**
 * The design every design-field attack starts from: a routing hub with a lan and a managed database, a
 * primary-replica pair (one dialled over IPv6), an app behind NAT, an external partner, monitoring and an IPv6
 * overlay and a failover group, so that every renderer (wg-quick, nft, iptables, sysctl, install, check, QoS,
 * Ansible, Prometheus, README, Mermaid, promotion scripts) emits something. Hosts: 0 hub, 1 pg-1, 2 pg-2, 3 app-1, 4 partner.
 */
export function baseDesign(): { [key: string]: Json } {
  return {
    format: 'wg-designer/1',
    name: 'corpus',
    network: {
      pools: { db: '10.10.0.0/24', app: '10.10.1.0/24', gateway: '10.10.2.0/24', client: '10.10.3.0/24', ipv6: 'fd10:10::/64' },
      listenPort: 51820,
      managementPort: 22,
      presharedKeys: true,
      monitoring: { host: 'hub', exporterPort: 9586 },
    },
    hosts: [
      {
        id: 'hub', name: 'Hub', role: 'gateway', endpoint: '203.0.113.1:51820', underlay: { mtu: 1500, family: 'ipv4' },
        lans: ['172.16.0.0/24'], services: [{ id: 'rds', name: 'Orders RDS', address: '172.16.0.10', port: 5432 }],
      },
      {
        id: 'pg-1', name: 'Primary', role: 'db', endpoint: '203.0.113.2:51820', underlay: { mtu: 1500, family: 'ipv4' },
        database: { engine: 'postgresql', port: 5432 }, listenPort: null, mtu: null,
      },
      { id: 'pg-2', name: 'Replica', role: 'db', endpoint: '[2001:db8::2]:51820', underlay: { mtu: 1492, family: 'ipv6' } },
      { id: 'app-1', name: 'API', role: 'app', behindNat: true, notes: 'ordinary notes' },
      { id: 'partner', name: 'Partner', role: 'client', external: true, publicKey: PARTNER_KEY, addresses: ['10.10.3.50/32'] },
    ],
    tunnels: [
      { id: 't-hub-pg-1', a: 'hub', b: 'pg-1', keepalive: null },
      { id: 't-hub-pg-2', a: 'hub', b: 'pg-2' },
      { id: 't-hub-app-1', a: 'hub', b: 'app-1' },
      { id: 't-pg', a: 'pg-1', b: 'pg-2' },
      { id: 't-hub-partner', a: 'hub', b: 'partner' },
    ],
    flows: [
      { id: 'f-app-pg', from: 'app-1', to: 'pg-1', port: 5432, proto: 'tcp', kind: 'client' },
      { id: 'f-app-rds', from: 'app-1', to: 'hub/rds' },
      { id: 'f-repl', from: 'pg-1', to: 'pg-2', kind: 'replication' },
      { id: 'f-partner', from: 'partner', to: 'pg-1', proto: 'udp', port: 5433 },
    ],
    failover: [{ id: 'pg', address: '10.10.0.100', primary: 'pg-1', replica: 'pg-2' }],
  };
}

/** A sentinel a mutation stores where raw JSON text goes; `JSON.stringify` escapes the NULs, so it cannot collide. */
const RAW = '\u0000raw\u0000';
const RAW_JSON = JSON.stringify(RAW);

/**
 * The base design as JSON text after `mutate`, with `raw` (JSON text) spliced in where the mutation stored
 * `rawSlot()`: how values JSON.stringify cannot write (1e400, -0, duplicate keys) reach the parser.
 */
export function designText(mutate: (d: { [key: string]: Json }) => void, raw?: string): string {
  const d = baseDesign();
  mutate(d);
  const text = JSON.stringify(d);
  return raw === undefined ? text : text.split(RAW_JSON).join(raw);
}

/** The placeholder for `designText`'s raw JSON. */
export function rawSlot(): string {
  return RAW;
}

/** `obj[path...] = value`, creating nothing: the path must exist in the base design. */
export function setPath(root: Json, path: ReadonlyArray<string | number>, value: Json): void {
  let node: Json = root;
  for (const seg of path.slice(0, -1)) node = (node as Record<string, Json>)[seg] as Json;
  const last = path[path.length - 1] as string | number;
  (node as Record<string | number, Json>)[last] = value;
}

/** Renames a host everywhere it is referenced (tunnels, flows, monitoring), as an editor would. */
export function renameHost(d: { [key: string]: Json }, from: string, to: Json): void {
  const swap = (v: Json): Json => (v === from ? to : v);
  for (const h of d.hosts as Array<Record<string, Json>>) h.id = swap(h.id ?? null);
  for (const t of d.tunnels as Array<Record<string, Json>>) {
    t.a = swap(t.a ?? null);
    t.b = swap(t.b ?? null);
  }
  for (const f of d.flows as Array<Record<string, Json>>) {
    f.from = swap(f.from ?? null);
    f.to = swap(f.to ?? null);
  }
}
