import type { Json } from './adversarial-base';
import { designText, rawSlot, renameHost, setPath } from './adversarial-base';
import type { AdversarialCase } from './adversarial-case';
import { fieldPattern, slug } from './adversarial-case';
import type { Payload, PayloadValue } from './adversarial-payloads';
import { ENDPOINTS, FREE_TEXT, IDS, KEYS, NUMBERS, PREFIXES } from './adversarial-payloads';

type Design = { [key: string]: Json };

/** Where one payload goes in the base design; `set` stores it (the raw slot for `{ json }` values). */
interface Target {
  /** The error path the schema reports, e.g. `hosts[3].id`. */
  path: string;
  set: (d: Design, value: Json) => void;
  /** Whether the schema must accept this payload here (and the export then run), or refuse it. */
  accepts: (payload: Payload, value: PayloadValue) => boolean;
}

const at = (...path: Array<string | number>) => (d: Design, value: Json) => setPath(d, path, value);
const target = (path: string, set: Target['set'], accepts: Target['accepts']): Target => ({ path, set, accepts });

/** Free text is accepted up to its limit, whatever it holds: renderers make it safe, the schema need not. */
const freeText = (limit: number) => (_: Payload, v: PayloadValue) => typeof v === 'string' && v.length <= limit;
/** Allow-listed fields take exactly the payloads marked valid. */
const allowList = (p: Payload) => Boolean(p.valid);
/** A service's address is one address: a valid prefix with a length is still refused there. */
const oneAddress = (p: Payload, v: PayloadValue) => Boolean(p.valid) && typeof v === 'string' && !v.includes('/');
/** A reference must also name something that exists, which no payload does. */
const reference = () => false;
/** An integer field accepts exactly the integers in its range, whatever spelling JSON gave them. */
const integer = (min: number, max: number) => (_: Payload, v: PayloadValue) => {
  const n: unknown = typeof v === 'string' ? v : JSON.parse(v.json);
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
};

const FIELDS: ReadonlyArray<{ payloads: readonly Payload[]; targets: readonly Target[] }> = [
  {
    payloads: FREE_TEXT,
    targets: [
      target('name', at('name'), freeText(200)),
      target('hosts[1].name', at('hosts', 1, 'name'), freeText(200)),
      target('hosts[3].notes', at('hosts', 3, 'notes'), freeText(4000)),
      target('hosts[0].services[0].name', at('hosts', 0, 'services', 0, 'name'), freeText(200)),
    ],
  },
  {
    payloads: IDS,
    targets: [
      target('hosts[3].id', (d, v) => renameHost(d, 'app-1', v), allowList),
      target('tunnels[0].id', at('tunnels', 0, 'id'), allowList),
      target('flows[0].id', at('flows', 0, 'id'), allowList),
      target('hosts[0].services[0].id', (d, v) => {
        setPath(d, ['hosts', 0, 'services', 0, 'id'], v);
        setPath(d, ['flows', 1, 'to'], typeof v === 'string' && v !== rawSlot() ? `hub/${v}` : 'hub/rds');
      }, allowList),
      target('tunnels[0].a', at('tunnels', 0, 'a'), reference),
      target('flows[0].from', at('flows', 0, 'from'), reference),
      target('flows[0].to', at('flows', 0, 'to'), reference),
      target('network.monitoring.host', at('network', 'monitoring', 'host'), reference),
    ],
  },
  {
    payloads: ENDPOINTS,
    targets: [
      target('hosts[1].endpoint', at('hosts', 1, 'endpoint'), allowList),
      target('hosts[0].endpoint', at('hosts', 0, 'endpoint'), allowList),
    ],
  },
  {
    payloads: PREFIXES,
    targets: [
      target('hosts[3].addresses[0]', (d, v) => setPath(d, ['hosts', 3, 'addresses'], [v]), allowList),
      target('hosts[0].lans[0]', at('hosts', 0, 'lans', 0), allowList),
      target('network.pools.app', at('network', 'pools', 'app'), allowList),
      target('tunnels[2].allowedIPs.ab[0]', (d, v) => setPath(d, ['tunnels', 2, 'allowedIPs'], { ab: [v], ba: null }), allowList),
      target('hosts[0].services[0].address', at('hosts', 0, 'services', 0, 'address'), oneAddress),
    ],
  },
  {
    payloads: NUMBERS,
    targets: [
      target('hosts[1].listenPort', at('hosts', 1, 'listenPort'), integer(1, 65535)),
      target('network.managementPort', at('network', 'managementPort'), integer(1, 65535)),
      target('flows[0].port', at('flows', 0, 'port'), integer(1, 65535)),
      target('hosts[0].services[0].port', at('hosts', 0, 'services', 0, 'port'), integer(1, 65535)),
      target('network.monitoring.exporterPort', at('network', 'monitoring', 'exporterPort'), integer(1, 65535)),
      target('tunnels[0].keepalive', at('tunnels', 0, 'keepalive'), integer(0, 65535)),
      target('hosts[1].mtu', at('hosts', 1, 'mtu'), integer(576, 65535)),
      target('hosts[1].underlay.mtu', at('hosts', 1, 'underlay', 'mtu'), integer(656, 65535)),
    ],
  },
  {
    payloads: KEYS,
    targets: [
      target('hosts[3].publicKey', at('hosts', 3, 'publicKey'), allowList),
      target('hosts[3].privateKey', at('hosts', 3, 'privateKey'), allowList),
      target('tunnels[0].presharedKey', at('tunnels', 0, 'presharedKey'), allowList),
      target('hosts[4].publicKey', at('hosts', 4, 'publicKey'), allowList),
    ],
  },
];

/** Enumerations and booleans: only the listed words and real booleans pass. */
const CHOICES: ReadonlyArray<[path: string, set: Target['set'], bad: string[], good: string[]]> = [
  ['hosts[3].role', at('hosts', 3, 'role'), ['admin', 'db\n', 'DB', ' app', 'constructor', '"1"'], ['"gateway"', '"client"']],
  ['flows[0].proto', at('flows', 0, 'proto'), ['icmp', 'tcp;', 'TCP', '"udp "'], ['"udp"']],
  ['flows[0].kind', at('flows', 0, 'kind'), ['replication\n', 'all', '["backup"]'], ['"backup"']],
  ['hosts[1].database.engine', at('hosts', 1, 'database', 'engine'), ['postgresql\n', 'oracle', 'toString'], ['"mysql"']],
  ['format', at('format'), ['wg-designer/2', 'wg-designer/1\n', ' wg-designer/1', 'null'], []],
  ['hosts[2].underlay.family', at('hosts', 2, 'underlay', 'family'), ['ipv5', 'ipv6 ', '6'], ['"ipv4"']],
  ['hosts[3].behindNat', at('hosts', 3, 'behindNat'), ['"true"', '1', '"yes"'], ['false']],
  ['network.presharedKeys', at('network', 'presharedKeys'), ['"false"', '0'], ['false']],
  ['hosts[4].external', at('hosts', 4, 'external'), ['"false"', 'null'], []],
  ['hosts[0].position.x', (d, v) => setPath(d, ['hosts', 0, 'position'], { x: v, y: 0 }),
    ['1e400', '"0"', 'null'], ['-1e308', '0.5']],
];

/** Every design-field attack: each payload in each field of its kind, plus enumerations and booleans. */
export function designFieldCases(canaryDir: string): AdversarialCase[] {
  const cases: AdversarialCase[] = [];
  for (const { payloads, targets } of FIELDS) {
    for (const t of targets) {
      for (const payload of payloads) {
        const id = `${slug(t.path)}--${payload.label}`;
        const value = payload.value(`${canaryDir}/${id}`);
        const text = typeof value === 'string'
          ? designText((d) => t.set(d, value))
          : designText((d) => t.set(d, rawSlot()), value.json);
        cases.push({
          id, field: t.path, input: { kind: 'design-text', text },
          expect: t.accepts(payload, value) ? 'export' : 'reject',
          names: fieldPattern(t.path),
        });
      }
    }
  }
  for (const [path, set, bad, good] of CHOICES) {
    const choices = [...bad.map((b) => [b, false] as const), ...good.map((g) => [g, true] as const)];
    for (const [i, [raw, ok]] of choices.entries()) {
      const jsonText = /^["[{\d-]|^(null|true|false)$/.test(raw) ? raw : JSON.stringify(raw);
      cases.push({
        id: `${slug(path)}--${ok ? 'ok' : 'bad'}-${i}-${slug(raw) || 'blank'}`,
        field: path,
        input: { kind: 'design-text', text: designText((d) => set(d, rawSlot()), jsonText) },
        expect: ok ? 'export' : 'reject',
        names: fieldPattern(path),
      });
    }
  }
  return cases;
}
