import { completeDesign } from '../complete/complete-design';
import { seededRandom } from '../keys';
import type { Design } from '../model/design';
import { formatFieldError, parseDesign } from '../model/parse-design';
import type { DesignInput } from '../model/schema';

/**
 * The shapes the benchmarks measure: one hub with every host as a spoke; sites (a gateway with a lan and a managed
 * database) joined through a core gateway, with flows that cross three tunnels; and a full mesh of database nodes.
 */
export type GeneratedShape = 'hub-and-spoke' | 'routed-sites' | 'full-mesh';

export interface GenerateOptions {
  shape: GeneratedShape;
  /** Total hosts, gateways included. */
  hosts: number;
  /** Fill in keys (deterministic, seeded: never for real bundles); addresses are always allocated. */
  keys?: boolean;
}

// Pools large enough for 20,000 hosts (the schema's limit), clear of every site lan (172.16.0.0/12).
const POOLS = {
  db: '10.10.0.0/16', app: '10.11.0.0/16', gateway: '10.12.0.0/16', client: '10.13.0.0/16', ipv6: null,
};

/**
 * A deterministic, correct design of `hosts` hosts (no error findings), parsed and completed: the same options give
 * the same design byte for byte, so benchmarks and tests can share it. Endpoints come from 198.18.0.0/15, the
 * range RFC 2544 sets aside for benchmarks.
 */
export function generateDesign(options: GenerateOptions): Design {
  const input = generateInput(options);
  const parsed = parseDesign(input);
  if (!parsed.ok) throw new Error(`generateDesign: ${parsed.errors.slice(0, 3).map(formatFieldError).join('; ')}`);
  return completeDesign(parsed.value, { random: seededRandom(options.hosts), keys: options.keys ?? false }).design;
}

/** The generated design as design-file JSON, before parsing and completion. */
export function generateInput({ shape, hosts }: GenerateOptions): DesignInput {
  if (!Number.isSafeInteger(hosts) || hosts < 2) throw new RangeError(`generateDesign: hosts must be >= 2, got ${hosts}`);
  const body = shape === 'hub-and-spoke' ? hubAndSpoke(hosts) : shape === 'routed-sites' ? routedSites(hosts) : fullMesh(hosts);
  return {
    format: 'wg-designer/1',
    name: `generated ${shape} ${hosts}`,
    network: { pools: { ...POOLS }, listenPort: 51820, managementPort: 22, presharedKeys: true },
    ...body,
  };
}

type Body = Pick<DesignInput, 'hosts' | 'tunnels' | 'flows'>;
type HostInput = DesignInput['hosts'][number];
type TunnelInput = NonNullable<DesignInput['tunnels']>[number];
type FlowInput = NonNullable<DesignInput['flows']>[number];

/** The i-th address of 198.18.0.0/15 as an endpoint (i < 131,070). */
function endpoint(i: number): string {
  const n = i + 1;
  return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}:51820`;
}

const V4 = (mtu = 1500) => ({ mtu, family: 'ipv4' as const });

function hubAndSpoke(total: number): Body {
  const dbCount = Math.max(1, Math.round(total / 20));
  const hosts: HostInput[] = [{ id: 'hub', name: 'Hub', role: 'gateway', endpoint: endpoint(0), underlay: V4() }];
  const tunnels: TunnelInput[] = [];
  const flows: FlowInput[] = [];
  for (let i = 0; i < dbCount; i++) {
    hosts.push({ id: `db-${i}`, role: 'db', endpoint: endpoint(1 + i), underlay: V4() });
    tunnels.push({ id: `t-db-${i}`, a: 'hub', b: `db-${i}` });
  }
  for (let i = 0; hosts.length < total; i++) {
    // Every fifth spoke sits behind NAT; every seventh on a PPPoE line (MTU 1492).
    hosts.push({ id: `app-${i}`, role: 'app', behindNat: i % 5 === 4, underlay: V4(i % 7 === 6 ? 1492 : 1500) });
    tunnels.push({ id: `t-app-${i}`, a: 'hub', b: `app-${i}` });
    flows.push({ id: `f-app-${i}`, from: `app-${i}`, to: `db-${i % dbCount}`, port: 5432 });
  }
  return { hosts, tunnels, flows };
}

function routedSites(total: number): Body {
  const sites = Math.min(4096, Math.max(1, Math.round(total / 25)));
  const dbCount = Math.max(2, Math.round(total / 50));
  const hosts: HostInput[] = [{ id: 'core', name: 'Core', role: 'gateway', endpoint: endpoint(0), underlay: V4() }];
  const tunnels: TunnelInput[] = [];
  const flows: FlowInput[] = [];
  for (let i = 0; i < dbCount; i++) {
    hosts.push({ id: `db-${i}`, role: 'db', endpoint: endpoint(1 + i), underlay: V4() });
    tunnels.push({ id: `t-db-${i}`, a: 'core', b: `db-${i}` });
  }
  // Site s owns 172.16.0.0/12's s-th /24; even sites hold a managed database at .10.
  const lan = (s: number) => `172.${16 + (s >> 8)}.${s & 255}`;
  for (let s = 0; s < sites; s++) {
    hosts.push({
      id: `gw-${s}`, role: 'gateway', endpoint: endpoint(1 + dbCount + s), underlay: V4(s % 3 === 2 ? 1492 : 1500),
      lans: [`${lan(s)}.0/24`],
      services: s % 2 === 0 ? [{ id: 'rds', name: `Site ${s} database`, address: `${lan(s)}.10`, port: 5432 }] : [],
    });
    tunnels.push({ id: `t-gw-${s}`, a: 'core', b: `gw-${s}` });
  }
  for (let i = 0; hosts.length < total; i++) {
    const s = i % sites;
    hosts.push({ id: `app-${i}`, role: 'app', behindNat: i % 4 === 3, underlay: V4() });
    tunnels.push({ id: `t-app-${i}`, a: `gw-${s}`, b: `app-${i}` });
    flows.push({ id: `f-app-${i}-db`, from: `app-${i}`, to: `db-${i % dbCount}`, port: 5432 });
    // A managed database in another site: app -> its gateway -> core -> that site's gateway -> the lan.
    const other = (s + 1) % sites;
    if (other % 2 === 0 && other !== s) flows.push({ id: `f-app-${i}-rds`, from: `app-${i}`, to: `gw-${other}/rds`, port: 5432 });
  }
  return { hosts, tunnels, flows };
}

function fullMesh(total: number): Body {
  const hosts: HostInput[] = [];
  const tunnels: TunnelInput[] = [];
  const flows: FlowInput[] = [];
  for (let i = 0; i < total; i++) hosts.push({ id: `pg-${i}`, role: 'db', endpoint: endpoint(i), underlay: V4() });
  for (let i = 0; i < total; i++) {
    for (let j = i + 1; j < total; j++) tunnels.push({ id: `t-${i}-${j}`, a: `pg-${i}`, b: `pg-${j}` });
    if (i + 1 < total) flows.push({ id: `r-${i}`, from: `pg-${i}`, to: `pg-${i + 1}`, port: 5432, kind: 'replication' });
  }
  return { hosts, tunnels, flows };
}
