import { z } from 'zod';
import { DEFAULT_DB_PORTS, DESIGN_FORMAT, KEY_CUSTODIES, ROLES } from './design';
import type { Design, KeyCustody } from './design';
import {
  addressOf, endpointProblem, isHostPrefix, lanProblem, overlayAddressProblem, parseEndpoint, poolProblem, tryParseAddress, tryParsePrefix,
} from '../net';
import type { Prefix } from '../net';
import { BUNDLE_FOLDERS } from './bundle-folders';
import { isKey } from '../keys';
import { NUMBER_FIELDS, numberField } from './number-fields';
import { parseProbeTarget, parseSelector } from './policy-test';

/**
 * The `wg-designer/1` schema. Every field is allow-listed here: ids are `[a-z0-9-]`, prefixes and endpoints must
 * parse, keys must be canonical WireGuard base64, numbers are integers in range. Free text (names, notes) is bounded
 * in length only; renderers never emit it except as a sanitised comment.
 */

/** Limits that keep a hostile file from exhausting the page (also the share link and the CLI). */
export const LIMITS = {
  hosts: 20_000,
  tunnels: 200_000,
  flows: 200_000,
  tests: 10_000,
  listItems: 256,
  nameChars: 200,
  notesChars: 4_000,
} as const;

export const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const idMessage = 'must be 1-63 characters of a-z, 0-9 and "-", not starting or ending with "-"';

/** True when `parse` accepts the text; the parsers throw a NetError naming the problem. */
function parses(parse: (s: string) => unknown): (s: string) => boolean {
  return (s) => {
    try {
      parse(s);
      return true;
    } catch {
      return false;
    }
  };
}

const id = z.string().regex(ID_PATTERN, { message: idMessage });

/** Adds `why(value)` as the field's error when it says something (a value that passed the format checks but cannot work). */
function unusable<T extends z.ZodType<string>>(schema: T, why: (s: string) => string | null): T {
  return schema.superRefine((s, ctx) => {
    const problem = why(s);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  }) as unknown as T;
}
const onPrefix = (check: (p: Prefix) => string | null) => (s: string) => {
  const p = tryParsePrefix(s);
  return p === null ? null : check(p);
};
// A host's folder in the bundle is named by its id: a host called "ansible" would write into the bundle's own folder.
const hostId = unusable(id, (s) => (BUNDLE_FOLDERS.includes(s)
  ? `"${s}" is a folder of the bundle (${BUNDLE_FOLDERS.join(', ')}): the host's files would mix with it; choose another id`
  : null));
const port = numberField(NUMBER_FIELDS.port);
const text = (max: number) => z.string().max(max, { message: `must be at most ${max} characters` });

const prefix = z.string().refine((s) => tryParsePrefix(s) !== null, {
  message: 'is not an IPv4 or IPv6 prefix (e.g. "10.10.0.0/24" or "fd10::/64")',
});
const address = z.string().refine((s) => tryParseAddress(s) !== null, {
  message: 'is not an IPv4 or IPv6 address (e.g. "172.31.5.20")',
});
const hostAddress = z.string().refine((s) => {
  const p = tryParsePrefix(s);
  return p !== null && isHostPrefix(p);
}, { message: 'must be one address, e.g. "10.10.0.100" or "10.10.0.100/32"' });
const overlayAddress = unusable(prefix, onPrefix((p) => overlayAddressProblem(addressOf(p))));
const lan = unusable(prefix, onPrefix(lanProblem));
const pool = unusable(prefix, onPrefix(poolProblem));
const key = z.string().refine(isKey, { message: 'is not a WireGuard key (44 characters of base64 ending in "=")' });
const endpoint = unusable(z.string().refine(parses(parseEndpoint), {
  message: 'is not host:port (e.g. "203.0.113.10:51820", "[2001:db8::1]:51820" or "db.example.com:51820")',
}), (s) => {
  try {
    return endpointProblem(parseEndpoint(s));
  } catch {
    return null;
  }
});
const list = <T extends z.ZodType>(item: T) =>
  z.array(item).max(LIMITS.listItems, { message: `must have at most ${LIMITS.listItems} entries` });

const databaseEngines = Object.keys(DEFAULT_DB_PORTS) as [keyof typeof DEFAULT_DB_PORTS, ...Array<keyof typeof DEFAULT_DB_PORTS>];

const database = z.object({
  engine: z.enum(databaseEngines),
  port: numberField(NUMBER_FIELDS.databasePort).optional(),
}).transform((d) => ({ engine: d.engine, port: d.port ?? DEFAULT_DB_PORTS[d.engine] }));

const service = z.object({
  id,
  name: text(LIMITS.nameChars).default(''),
  address,
  port: numberField(NUMBER_FIELDS.servicePort),
});

const host = z.object({
  id: hostId,
  name: text(LIMITS.nameChars).optional(),
  role: z.enum(ROLES as [string, ...string[]]).transform((r) => r as Design['hosts'][number]['role']),
  addresses: list(overlayAddress).default([]),
  endpoint: endpoint.nullable().default(null),
  listenPort: numberField(NUMBER_FIELDS.listenPort).nullable().default(null),
  randomListenPort: z.boolean().default(false),
  behindNat: z.boolean().default(false),
  underlay: z.object({
    mtu: numberField(NUMBER_FIELDS.underlayMtu),
    family: z.enum(['ipv4', 'ipv6']),
  }).nullable().default(null),
  mtu: numberField(NUMBER_FIELDS.mtu).nullable().default(null),
  database: database.nullable().optional(),
  lans: list(lan).default([]),
  services: list(service).default([]),
  masquerade: z.boolean().default(true),
  external: z.boolean().default(false),
  dialsIn: z.boolean().default(false),
  keys: z.enum(KEY_CUSTODIES as [KeyCustody, ...KeyCustody[]]).nullable().default(null),
  publicKey: key.nullable().default(null),
  privateKey: key.nullable().default(null),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }).default({ x: 0, y: 0 }),
  notes: text(LIMITS.notesChars).default(''),
}).transform((h) => ({
  ...h,
  name: h.name ?? h.id,
  // A database host without a database block gets PostgreSQL, the engine our users run most.
  database: h.database ?? (h.role === 'db' ? { engine: 'postgresql' as const, port: DEFAULT_DB_PORTS.postgresql } : null),
}));

const sides = list(prefix).nullable().default(null);

const tunnel = z.object({
  id,
  a: id,
  b: id,
  presharedKey: key.nullable().default(null),
  keepalive: numberField(NUMBER_FIELDS.keepalive).nullable().default(null),
  allowedIPs: z.object({ ab: sides, ba: sides }).nullable().default(null),
});

const flowTarget = z.string().refine((s) => {
  const parts = s.split('/');
  return parts.length <= 2 && parts.every((p) => ID_PATTERN.test(p));
}, { message: 'must be a host id or "gateway-id/service-id"' });

const flow = z.object({
  id,
  from: id,
  to: flowTarget,
  // Null or left out: the target's port (its engine's replication ports for a replication flow to a database host).
  port: port.nullable().optional(),
  proto: z.enum(['tcp', 'udp']).default('tcp'),
  kind: z.enum(['client', 'replication', 'backup']).default('client'),
});

/** A text that `read` accepts (its error message, when it returns a string, is the field's). */
const readable = (read: (s: string) => unknown) => z.string().superRefine((s, ctx) => {
  const r = read(s);
  if (typeof r === 'string') ctx.addIssue({ code: 'custom', message: r });
});

const policyTest = z.object({
  from: readable(parseSelector),
  reach: list(readable(parseProbeTarget)).default([]),
  never: list(readable(parseProbeTarget)).default([]),
}).strict();

export const DEFAULT_POOLS = {
  db: '10.10.0.0/24',
  app: '10.10.1.0/24',
  gateway: '10.10.2.0/24',
  client: '10.10.3.0/24',
  ipv6: null,
} as const;

const network = z.object({
  pools: z.object({
    db: pool.default(DEFAULT_POOLS.db),
    app: pool.default(DEFAULT_POOLS.app),
    gateway: pool.default(DEFAULT_POOLS.gateway),
    client: pool.default(DEFAULT_POOLS.client),
    ipv6: pool.nullable().default(DEFAULT_POOLS.ipv6),
  }).default({ ...DEFAULT_POOLS }),
  listenPort: numberField(NUMBER_FIELDS.listenPort).default(51_820),
  managementPort: numberField(NUMBER_FIELDS.managementPort).default(22),
  presharedKeys: z.boolean().default(true),
  keys: z.enum(KEY_CUSTODIES as [KeyCustody, ...KeyCustody[]]).default('bundle'),
  monitoring: z.object({ host: id, exporterPort: numberField(NUMBER_FIELDS.exporterPort).default(9586) }).nullable().default(null),
});

/** The schema of one item of each list, for an edit of that item alone (see `parseDesignEdit`). */
export const ITEM_SCHEMAS = { hosts: host, tunnels: tunnel, flows: flow } as const;

/** The zod schema of a design file, before cross-references are checked (see `parseDesign`). */
export const designSchema = z.object({
  format: z.string().refine((f) => f === DESIGN_FORMAT, {
    message: `must be "${DESIGN_FORMAT}" (this version of wg-designer reads no other format)`,
  }),
  name: text(LIMITS.nameChars).default(''),
  network: network.default({
    pools: { ...DEFAULT_POOLS },
    listenPort: 51_820,
    managementPort: 22,
    presharedKeys: true,
    keys: 'bundle',
    monitoring: null,
  }),
  hosts: z.array(host).max(LIMITS.hosts, { message: `must have at most ${LIMITS.hosts} hosts` }),
  tunnels: z.array(tunnel).max(LIMITS.tunnels).default([]),
  flows: z.array(flow).max(LIMITS.flows).default([]),
  failover: z.array(z.object({
    id,
    address: unusable(hostAddress, onPrefix((p) => overlayAddressProblem(addressOf(p)))).transform((a) => (a.includes('/') ? a : a.includes(':') ? `${a}/128` : `${a}/32`)),
    primary: id,
    replica: id,
  })).max(LIMITS.listItems).default([]),
  // Optional and left out when absent, so a design without tests is written exactly as before (design.json).
  tests: z.array(policyTest).max(LIMITS.tests).optional(),
});

export type DesignInput = z.input<typeof designSchema>;
