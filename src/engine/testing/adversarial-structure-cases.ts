import { baseDesign, designText, rawSlot, setPath } from './adversarial-base';
import type { Json } from './adversarial-base';
import type { AdversarialCase } from './adversarial-case';
import { fieldPattern } from './adversarial-case';

const ACCEPT = /$^/;

/** Design text whose hostility is its shape: prototype keys, depth, size, types, broken JSON. */
export function designStructureCases(canaryDir: string): AdversarialCase[] {
  const c = (id: string) => `${canaryDir}/${id}`;
  const hostile = (id: string) => JSON.stringify(`touch ${c(id)}`);
  const base = JSON.stringify(baseDesign());
  // The base design with one more member in the root object, and in host 3 (app-1).
  const rootWith = (member: string) => `{${member},${base.slice(1)}`;
  const hostWith = (member: string) => designText((d) => setPath(d, ['hosts', 3], rawSlot()),
    `{${member},${JSON.stringify((baseDesign().hosts as Json[])[3]).slice(1)}`);
  const cases: Array<[string, string, string, AdversarialCase['expect'], RegExp]> = [
    ['proto-root', '__proto__', rootWith('"__proto__":{"polluted":"yes","hosts":[]}'), 'export', ACCEPT],
    ['proto-host', 'hosts[].__proto__', hostWith(`"__proto__":{"role":"db","privateKey":"x","polluted":"yes"}`), 'export', ACCEPT],
    ['proto-network', 'network.__proto__', designText((d) => setPath(d, ['network', 'pools'], rawSlot()),
      '{"__proto__":{"db":"0.0.0.0/0"},"db":"10.10.0.0/24"}'), 'export', ACCEPT],
    ['constructor-root', 'constructor', rootWith('"constructor":{"prototype":{"polluted":"yes"}}'), 'export', ACCEPT],
    ['constructor-host', 'hosts[].constructor', hostWith('"constructor":{"prototype":{"polluted":"yes"}}'), 'export', ACCEPT],
    ['unknown-hook-fields', 'hosts[].PostUp', hostWith(`"PostUp":${hostile('unknown-hook-fields')},"postDown":${hostile('unknown-hook-fields')}`), 'export', ACCEPT],
    ['unknown-root-fields', 'hooks', rootWith(`"hooks":[${hostile('unknown-root-fields')}],"PreUp":${hostile('unknown-root-fields')}`), 'export', ACCEPT],
    ['to-json-member', 'hosts[].toJSON', hostWith('"toJSON":"x","valueOf":1,"hasOwnProperty":2'), 'export', ACCEPT],
    ['duplicate-keys', 'name', rootWith(`"name":"first","name":${JSON.stringify(`x\nPostUp = touch ${c('duplicate-keys')}`)}`), 'export', ACCEPT],
    ['hosts-as-object', 'hosts', designText((d) => setPath(d, ['hosts'], { 0: (d.hosts as Json[])[0] ?? null, length: 1 })), 'reject', fieldPattern('hosts')],
    ['hosts-as-string', 'hosts', designText((d) => setPath(d, ['hosts'], 'hub')), 'reject', fieldPattern('hosts')],
    ['depth-bomb-100k', 'hosts[].notes', designText((d) => setPath(d, ['hosts', 3, 'notes'], rawSlot()),
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'reject', /nested deeper than 16/],
    ['depth-17-unknown-field', 'x', rootWith(`"x":${'['.repeat(17)}${']'.repeat(17)}`), 'reject', /nested deeper than 16/],
    ['text-over-32-mib', 'design', rootWith(`"pad":"${'x'.repeat(32 * 1024 * 1024)}"`), 'reject', /the limit is 33554432/],
    ['hosts-over-limit', 'hosts', designText((d) => setPath(d, ['hosts'], rawSlot()), `[${'{},'.repeat(20_000)}{}]`), 'reject', /hosts: has 20,001 items; a design holds at most 20,000/],
    ['addresses-over-limit', 'hosts[3].addresses', designText((d) => setPath(d, ['hosts', 3, 'addresses'],
      Array.from({ length: 257 }, (_, i) => `10.10.1.${i % 250}/32`))), 'reject', /hosts\[3\] \(app-1\)\.addresses: must have at most 256/],
    ['duplicate-host-ids', 'hosts[].id', designText((d) => setPath(d, ['hosts', 2, 'id'], 'pg-1')), 'reject', fieldPattern('hosts[2].id')],
    // ::/0 as a pool would hand out ::1, the loopback address: refused naming the pool.
    ['pool-is-everything', 'network.pools.ipv6', designText((d) => setPath(d, ['network', 'pools', 'ipv6'], '::/0')), 'reject', fieldPattern('network.pools.ipv6')],
    ['tunnel-to-itself', 'tunnels[].b', designText((d) => setPath(d, ['tunnels', 0, 'b'], 'hub')), 'reject', fieldPattern('tunnels[0].b')],
    ['root-array', 'design', '[]', 'reject', /must be a JSON object/],
    ['root-null', 'design', 'null', 'reject', /must be a JSON object/],
    ['root-string', 'design', '"wg-designer/1"', 'reject', /must be a JSON object/],
    ['root-infinity', 'design', '1e400', 'reject', /must be a JSON object/],
    ['empty-text', 'design', '', 'reject', /not valid JSON/],
    ['truncated-json', 'design', base.slice(0, base.length - 7), 'reject', /not valid JSON/],
    ['trailing-comma', 'design', `${base.slice(0, -1)},}`, 'reject', /not valid JSON/],
    // A BOM (Windows editors write one) is not part of the design: the file reads as the design it holds.
    ['bom-before-json', 'design', `\uFEFF${base}`, 'export', ACCEPT],
    ['bom-inside-json', 'design', `{\uFEFF${base.slice(1)}`, 'reject', /not valid JSON/],
    ['nan-literal', 'design', base.replace('"listenPort":51820', '"listenPort":NaN'), 'reject', /not valid JSON/],
    ['raw-control-in-json', 'design', `{"name":"\u001b]0;owned\u0007\u001b[2J\nPostUp = touch ${c('raw-control-in-json')}"}`, 'reject', /not valid JSON/],
    ['no-hosts', 'design', '{"format":"wg-designer/1","hosts":[]}', 'export', ACCEPT],
    ['notes-at-limit', 'hosts[].notes', designText((d) => setPath(d, ['hosts', 3, 'notes'], `$(touch ${c('notes-at-limit')})\n`.repeat(200).slice(0, 4000))), 'export', ACCEPT],
    ['every-name-hostile', 'name', designText((d) => {
      const text = `x\nPostUp = touch ${c('every-name-hostile')}`;
      setPath(d, ['name'], text);
      for (const h of d.hosts as Array<{ [key: string]: Json }>) h.name = text;
      setPath(d, ['hosts', 0, 'services', 0, 'name'], text);
    }), 'export', ACCEPT],
    // Valid but hostile in meaning: the export must still produce files every tool accepts.
    ...([
      ['duplicate-address', (d) => setPath(d, ['hosts', 3, 'addresses'], ['10.10.0.1/32'])],
      ['same-pool-everywhere', (d) => setPath(d, ['network', 'pools'], { db: '10.10.0.0/24', app: '10.10.0.0/24', gateway: '10.10.0.0/24', client: '10.10.0.0/24', ipv6: null })],
      ['lan-is-default-route', (d) => setPath(d, ['hosts', 0, 'lans'], ['0.0.0.0/0', '::/0'])],
      ['lan-is-overlay-pool', (d) => setPath(d, ['hosts', 3, 'lans'], ['10.10.0.0/24'])],
      ['allowed-ips-everything', (d) => setPath(d, ['tunnels', 2, 'allowedIPs'], { ab: ['0.0.0.0/0', '::/0'], ba: ['0.0.0.0/0'] })],
      ['allowed-ips-empty', (d) => setPath(d, ['tunnels', 2, 'allowedIPs'], { ab: [], ba: [] })],
      ['flow-to-itself', (d) => setPath(d, ['flows', 0, 'to'], 'app-1')],
      ['monitoring-external', (d) => setPath(d, ['network', 'monitoring', 'host'], 'partner')],
      ['failover-with-external', (d) => setPath(d, ['failover', 0, 'replica'], 'partner')],
      ['external-without-key', (d) => setPath(d, ['hosts', 4, 'publicKey'], null)],
      ['management-port-is-database-port', (d) => setPath(d, ['network', 'managementPort'], 5432)],
      ['ports-all-22', (d) => {
        setPath(d, ['flows', 0, 'port'], 22);
        setPath(d, ['network', 'monitoring', 'exporterPort'], 22);
        setPath(d, ['hosts', 1, 'listenPort'], 22);
      }],
      ['lans-256', (d) => setPath(d, ['hosts', 0, 'lans'], Array.from({ length: 256 }, (_, i) => `172.17.${i}.0/24`))],
      // Outside every pool: 10.10.1.255 would be the app pool's broadcast address, which is refused.
      ['addresses-256', (d) => setPath(d, ['hosts', 3, 'addresses'], Array.from({ length: 256 }, (_, i) => `10.10.4.${i}/32`))],
      ['services-40', (d) => setPath(d, ['hosts', 0, 'services'], Array.from({ length: 40 }, (_, i) => (
        // The first keeps the base design's id, so its flow to hub/rds still resolves and the case exports.
        { id: i === 0 ? 'rds' : `s${i}`, name: `$(touch ${c('services-40')})`, address: `172.16.0.${10 + i}`, port: 5000 + i })))],
      ['flows-300', (d) => setPath(d, ['flows'], Array.from({ length: 300 }, (_, i) => ({ id: `f${i}`, from: 'app-1', to: 'pg-1', port: 1000 + i })))],
      ['all-behind-nat', (d) => { for (const h of d.hosts as Array<{ [key: string]: Json }>) { h.behindNat = true; h.endpoint = null; } }],
    ] as Array<[string, (d: { [key: string]: Json }) => void]>).map(([id, mutate]): [string, string, string, AdversarialCase['expect'], RegExp] =>
      [id, 'design', designText(mutate), 'export', ACCEPT]),
  ];
  return cases.map(([id, field, text, expect, names]) => ({ id: `structure--${id}`, field, input: { kind: 'design-text', text }, expect, names }));
}
