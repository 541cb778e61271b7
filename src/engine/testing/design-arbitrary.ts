import fc from 'fast-check';
import { encodeKey } from '../keys';
import { DEFAULT_DB_PORTS, ROLES } from '../model/design';
import type { DatabaseEngine, Role } from '../model/design';
import type { DesignInput } from '../model/schema';

/**
 * fast-check arbitraries for schema-valid designs, for property tests: 2-12 hosts with valid ids (including the
 * awkward ones, `constructor`, `0`), every role, addresses allocated or fixed in the role's pool, endpoints over
 * IPv4, IPv6 and DNS, lans with managed databases, external peers, tunnels between random pairs, flows between
 * random hosts (routable or not), free text anywhere Unicode reaches (lone surrogates and controls included).
 */

type HostInput = DesignInput['hosts'][number];
type TunnelInput = NonNullable<DesignInput['tunnels']>[number];
type FlowInput = NonNullable<DesignInput['flows']>[number];

const ENGINES = Object.keys(DEFAULT_DB_PORTS) as DatabaseEngine[];
const POOL_BASE: Readonly<Record<Role, string>> = { db: '10.10.0', app: '10.10.1', gateway: '10.10.2', client: '10.10.3' };

/** Any text up to `max` UTF-16 units: every code point, lone surrogates too. */
export const anyText = (max: number) => fc.string({ unit: 'binary', maxLength: Math.floor(max / 2) });
/** A valid id, sometimes one that is also a property of every JavaScript object. */
export const validId = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?$/) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', 'prototype', 'tostring', 'valueof', '0', `z${'9'.repeat(62)}`) },
);
const port = fc.integer({ min: 1, max: 65_535 });
const key = fc.uint8Array({ minLength: 32, maxLength: 32 }).map(encodeKey);

const hostKnobs = fc.record({
  role: fc.constantFrom(...ROLES),
  name: fc.option(anyText(120), { nil: undefined }),
  notes: anyText(200),
  fixedAddress: fc.boolean(),
  endpoint: fc.constantFrom('none', 'ipv4', 'ipv6', 'dns'),
  endpointPort: port,
  listenPort: fc.option(port, { nil: null }),
  behindNat: fc.boolean(),
  underlay: fc.option(fc.record({ mtu: fc.integer({ min: 656, max: 65_535 }), family: fc.constantFrom('ipv4' as const, 'ipv6' as const) }), { nil: null }),
  mtu: fc.option(fc.integer({ min: 576, max: 65_535 }), { nil: null }),
  engine: fc.constantFrom(...ENGINES),
  databasePort: fc.option(port, { nil: undefined }),
  lan: fc.boolean(),
  masquerade: fc.boolean(),
  external: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  privateKey: fc.option(key, { nil: null }),
  publicKey: key,
});

const flowKnobs = fc.record({
  from: fc.nat(), to: fc.nat(), toService: fc.boolean(), port: fc.option(port, { nil: undefined }),
  proto: fc.constantFrom('tcp' as const, 'udp' as const), kind: fc.constantFrom('client' as const, 'replication' as const, 'backup' as const),
});

/** A design file (before parsing) that the schema accepts: every reference resolves, every value is in range. */
export const designInputArbitrary: fc.Arbitrary<DesignInput> = fc.integer({ min: 2, max: 12 }).chain((n) => fc.record({
  ids: fc.uniqueArray(validId, { minLength: n, maxLength: n }),
  hosts: fc.array(hostKnobs, { minLength: n, maxLength: n }),
  name: anyText(200),
  ipv6: fc.boolean(),
  presharedKeys: fc.boolean(),
  listenPort: port,
  managementPort: port,
  monitoring: fc.boolean(),
  failover: fc.boolean(),
  pairs: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a !== b), {
    maxLength: 2 * n, selector: ([a, b]) => (a < b ? `${a} ${b}` : `${b} ${a}`),
  }),
  keepalives: fc.array(fc.option(fc.integer({ min: 0, max: 65_535 }), { nil: null }), { minLength: 2 * n, maxLength: 2 * n }),
  flows: fc.array(flowKnobs, { maxLength: 2 * n }),
}).map((k): DesignInput => {
  const hosts: HostInput[] = k.hosts.map((h, i) => {
    const id = k.ids[i] as string;
    const external = h.external;
    const endpoint = h.endpoint === 'ipv4' ? `203.0.113.${i + 1}:${h.endpointPort}`
      : h.endpoint === 'ipv6' ? `[2001:db8::${(i + 1).toString(16)}]:${h.endpointPort}`
        : h.endpoint === 'dns' ? `host-${i}.example.com:${h.endpointPort}` : null;
    return {
      id, role: h.role, ...(h.name === undefined ? {} : { name: h.name }), notes: h.notes,
      // An external peer has no bundle and is never allocated: it comes with its address and public key.
      addresses: h.fixedAddress || external ? [`${POOL_BASE[h.role]}.${100 + i}/32`] : [],
      endpoint, listenPort: h.listenPort, behindNat: h.behindNat, underlay: h.underlay, mtu: h.mtu,
      database: h.role === 'db' ? { engine: h.engine, ...(h.databasePort ? { port: h.databasePort } : {}) } : null,
      lans: h.lan ? [`172.16.${i}.0/24`] : [],
      services: h.lan ? [{ id: 'svc', name: h.notes.slice(0, 50), address: `172.16.${i}.10`, port: 5432 }] : [],
      masquerade: h.masquerade, external,
      publicKey: external ? h.publicKey : null, privateKey: external ? null : h.privateKey,
    };
  });
  const tunnels: TunnelInput[] = k.pairs.map(([a, b], t) => ({
    id: `t${t}`, a: k.ids[a] as string, b: k.ids[b] as string, keepalive: k.keepalives[t] ?? null,
  }));
  const flows: FlowInput[] = k.flows.map((f, j) => {
    const from = hosts[f.from % n] as HostInput;
    const to = hosts[f.to % n] as HostInput;
    const service = f.toService && (to.services?.length ?? 0) > 0;
    // A target with no database or service has no default port: the flow must name one. So must replication to a
    // Redis node on a client port above 55535, whose cluster bus (client port + 10000) would pass 65535.
    const busPast = f.kind === 'replication' && to.database?.engine === 'redis' && (to.database.port ?? 6379) + 10_000 > 65_535;
    const needsPort = !service && (to.role !== 'db' || busPast);
    return {
      id: `f${j}`, from: from.id, to: service ? `${to.id}/svc` : to.id, proto: f.proto, kind: f.kind,
      ...(f.port !== undefined ? { port: f.port } : needsPort ? { port: 5432 } : {}),
    };
  });
  const dbs = hosts.filter((h) => h.role === 'db' && !h.external);
  const monitor = hosts.find((h) => !h.external);
  return {
    format: 'wg-designer/1',
    name: k.name,
    network: {
      pools: { db: '10.10.0.0/24', app: '10.10.1.0/24', gateway: '10.10.2.0/24', client: '10.10.3.0/24', ipv6: k.ipv6 ? 'fd10:10::/64' : null },
      listenPort: k.listenPort, managementPort: k.managementPort, presharedKeys: k.presharedKeys,
      monitoring: k.monitoring && monitor ? { host: monitor.id, exporterPort: 9586 } : null,
    },
    hosts, tunnels, flows,
    failover: k.failover && dbs.length >= 2 ? [{ id: 'fo', address: '10.10.0.250', primary: dbs[0]?.id ?? '', replica: dbs[1]?.id ?? '' }] : [],
  };
}));
