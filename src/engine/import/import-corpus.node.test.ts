import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../bundle/bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../bundle/bundle-options';
import { completeDesign } from '../complete/complete-design';
import { publicKeyOf, seededRandom } from '../keys';
import { buildPlan } from '../plan/build-plan';
import { normalisePrefixText } from '../testing/prefix-text';
import { validateDesign } from '../validate/validate-design';
import { importConfigs } from './import-configs';
import { parseWgDump } from './wg-dump-parse';
import { parseWgQuick } from './wg-quick-parse';
import type { ParsedConfig } from './wg-quick-parse';

const CORPUS = new URL('./__corpus__/', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'wgd-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Each set imports together, as a user would give its files; what the files cannot say is given as the CLI would. */
const SETS: Record<string, { endpoints?: Record<string, string>; names: Record<string, string> }> = {
  'wg-easy': { names: { 'wg-easy': 'wg-easy', 'laptop-4': 'laptop-4', 'phone-anna': 'phone-anna' } },
  'wireguard-ui': { endpoints: { 'wireguard-ui': 'vpn.example.org:51820' }, names: { 'alice-laptop': 'alice-laptop', 'bob-phone': 'bob-phone' } },
  'wg-meshconf': { names: { 'node-1': 'node-1', 'node-2': 'node-2', 'node-3': 'node-3' } },
  'site-to-site': { names: { 'site-a': 'site-a', 'site-b': 'site-b' } },
  'dual-stack': { names: { hub: 'hub', spoke: 'spoke' } },
  messy: { names: { alpha: 'alpha', beta: 'beta' } },
  'road-warrior': { endpoints: { server: 'vpn.example.net:51820' }, names: { 'laptop-4': 'laptop-4', phone: 'phone', 'tablet-kids': 'tablet.kids' } },
  showconf: { names: { relay: 'relay', edge: 'edge' } },
  dump: { names: { 'east-wg0': 'east-wg0', 'east-wg1': 'east-wg1', west: 'west' } },
};

/** The real `wg-quick strip` of a config: what wg(8) itself will be given. wg-quick takes the interface from the file name. */
function strip(text: string): string {
  const dir = mkdtempSync(join(scratch, 'strip-'));
  writeFileSync(join(dir, 'wg0.conf'), text, { mode: 0o600 });
  return execFileSync('wg-quick', ['strip', join(dir, 'wg0.conf')], { encoding: 'utf8' });
}

/** What wg holds of an interface, normalised: AllowedIPs as sorted networks, peers by key, keepalive 0 as off. */
function wgView(c: ParsedConfig) {
  return {
    privateKey: c.iface.privateKey,
    listenPort: c.iface.listenPort,
    peers: Object.fromEntries(c.peers.map((p) => [p.publicKey, {
      presharedKey: p.presharedKey,
      allowedIPs: p.allowedIPs.map(normalisePrefixText).sort(),
      endpoint: p.endpoint,
      keepalive: p.persistentKeepalive === 0 ? null : p.persistentKeepalive,
    }])),
  };
}

/** What only wg-quick reads and we keep: the addresses as written (sorted) and the MTU. */
function quickView(c: ParsedConfig) {
  return { addresses: [...c.iface.addresses].sort(), mtu: c.iface.mtu };
}

function files(set: string) {
  return readdirSync(join(CORPUS, set)).sort().map((f) => ({ name: `${set}/${f}`, text: readFileSync(join(CORPUS, set, f), 'utf8') }));
}

/** Every interface the set's files hold, as parsed configs with the public key that finds its host. */
function originals(set: string): Array<{ name: string; config: ParsedConfig; text: string | null }> {
  return files(set).flatMap((f): Array<{ name: string; config: ParsedConfig; text: string | null }> => (f.name.endsWith('.dump')
    ? parseWgDump(f.text, f.name).map((d) => ({ name: `${f.name} ${d.name}`, config: d.config, text: null }))
    : [{ name: f.name, config: parseWgQuick(f.text, f.name), text: f.text }]));
}

describe.each(Object.keys(SETS))('corpus set %s', (set) => {
  const { endpoints, names } = SETS[set] ?? { names: {} };
  const result = importConfigs(files(set), set, { endpoints });
  const completion = completeDesign(result.design, { random: seededRandom(11), keys: true });
  const plan = buildPlan(completion.design);
  const findings = validateDesign(completion.design, plan);
  const bundle = bundleFiles(plan, { ...DEFAULT_BUNDLE_OPTIONS, findings });
  const byKey = new Map(completion.design.hosts.map((h) => [h.publicKey, h]));

  it('exports without --force: no error finding', () => {
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`)).toEqual([]);
  });

  it('makes no key, preshared key or address the files did not have', () => {
    expect(completion.generatedKeys).toEqual([]);
    expect(completion.generatedPresharedKeys).toEqual([]);
  });

  it.each(originals(set).map((o) => [o.name, o] as const))('keeps everything wg and wg-quick read of %s', (_, original) => {
    const host = byKey.get(publicKeyOf(original.config.iface.privateKey ?? ''));
    expect(host, 'the host of this interface').toBeDefined();
    const exported = bundle.find((f) => f.path === `${host?.id}/wg0.conf`)?.content ?? '';
    const back = parseWgQuick(strip(exported), 'exported');
    // The original through the real wg-quick (a dump is already what wg holds).
    const before = original.text === null ? original.config : parseWgQuick(strip(original.text), original.name);
    // Run-time state (a dump, `wg showconf`) shows where a peer was last seen: for an imported host with no
    // ListenPort that is no place to dial, and the importer leaves it out (and says so).
    const runtime = original.text === null || original.config.iface.addresses.length === 0;
    const learned = (key: string) => runtime && byKey.get(key)?.randomListenPort === true && byKey.get(key)?.external === false;
    const expected = { ...before, peers: before.peers.map((p) => (learned(p.publicKey) ? { ...p, endpoint: null } : p)) };
    expect(wgView(back)).toEqual(wgView(expected));
    const quick = parseWgQuick(exported, 'exported');
    if (original.config.iface.addresses.length > 0) expect(quickView(quick).addresses).toEqual(quickView(original.config).addresses);
    if (original.config.iface.mtu !== null) expect(quick.iface.mtu).toBe(original.config.iface.mtu);
  });

  it('keeps the names the files give', () => {
    expect(Object.fromEntries(completion.design.hosts.filter((h) => h.id in names).map((h) => [h.id, h.name]))).toEqual(names);
  });

  it('writes a client config for each external peer that dials in, naming the server endpoint', () => {
    for (const h of completion.design.hosts.filter((x) => x.dialsIn)) {
      const text = bundle.find((f) => f.path === `external/${h.id}.conf`)?.content ?? '';
      const server = completion.design.hosts.find((s) => completion.design.tunnels.some((t) => (t.a === h.id && t.b === s.id) || (t.b === h.id && t.a === s.id)));
      expect(text).toContain(`PublicKey = ${server?.publicKey}`);
      expect(text).toContain(`Endpoint = ${server?.endpoint}`);
      expect(text).toContain(`Address = ${h.addresses.join(', ')}`);
    }
  });
});

describe('names survive an export and a second import', () => {
  it.each(['wg-easy', 'road-warrior', 'wireguard-ui'])('%s', (set) => {
    const { endpoints } = SETS[set] ?? {};
    const first = importConfigs(files(set), set, { endpoints });
    const completed = completeDesign(first.design, { random: seededRandom(11), keys: true }).design;
    const bundle = bundleFiles(buildPlan(completed));
    const managed = completed.hosts.filter((h) => !h.external);
    const again = importConfigs(managed.map((h) => ({ name: `${h.id}.conf`, text: bundle.find((f) => f.path === `${h.id}/wg0.conf`)?.content ?? '' })), set);
    const ids = (d: typeof completed) => d.hosts.map((h) => `${h.id} ${h.publicKey}`).sort();
    expect(ids(again.design)).toEqual(ids(completed));
  });
});

describe('what the corpus import reports', () => {
  const report = (set: string) => {
    const r = importConfigs(files(set), set, { endpoints: SETS[set]?.endpoints });
    return { text: r.warnings.join('\n'), guesses: r.guesses.join('\n'), design: r.design };
  };

  it('wg-easy: accepts the empty PreUp, reports the hooks and DNS, and leaves ListenPort off the client', () => {
    const { text, design } = report('wg-easy');
    expect(text).toMatch(/wg-easy\/wg0\.conf: PostUp not kept \(iptables -t nat -A POSTROUTING/);
    expect(text).toMatch(/wg-easy\/laptop-4\.conf: DNS = 1\.1\.1\.1 not kept/);
    expect(design.hosts.find((h) => h.id === 'laptop-4')).toMatchObject({ listenPort: null, randomListenPort: true });
    expect(design.hosts.find((h) => h.id === 'phone-anna')).toMatchObject({ external: true, dialsIn: true, role: 'client' });
  });

  it('messy: reports SaveConfig, FwMark, DNS; guesses no role wrongly', () => {
    const { text, guesses } = report('messy');
    expect(text).toMatch(/messy\/alpha\.conf: SaveConfig = true not kept/);
    expect(text).toMatch(/messy\/alpha\.conf: FwMark = 0x1234 not kept/);
    expect(text).toMatch(/messy\/alpha\.conf: DNS = 10\.44\.0\.53, corp\.example not kept/);
    expect(guesses).toMatch(/alpha, beta: app \(a WireGuard config does not say what runs on a host/);
  });

  it('site-to-site: Table = off reported, each side a gateway with the lan the other routes to it', () => {
    const { text, guesses, design } = report('site-to-site');
    expect(text).toMatch(/site-to-site\/site-a\.conf: Table = off not kept/);
    expect(design.hosts.find((h) => h.id === 'site-a')).toMatchObject({ role: 'gateway', lans: ['192.168.10.0/24'] });
    expect(design.hosts.find((h) => h.id === 'site-b')).toMatchObject({ role: 'gateway', lans: ['192.168.20.0/24'] });
    expect(guesses).toMatch(/site-b: gateway \(lans 192\.168\.20\.0\/24: site-a routes them to it\)/);
  });

  it('road-warrior and wireguard-ui: the server with many peers is a hub, its clients dial in', () => {
    expect(report('road-warrior').guesses).toMatch(/server: gateway \(it listens on port 51820 and has 3 peers, as a hub does\)/);
    expect(report('wireguard-ui').design.hosts.filter((h) => h.dialsIn).map((h) => h.id)).toEqual(['alice-laptop', 'bob-phone']);
    expect(report('wireguard-ui').text).toMatch(/wireguard-ui\/wg0\.conf: Table = auto left out: it is wg-quick's default/);
  });

  it('dump and showconf: addresses come from what peers route to the host, and that is said', () => {
    const showconf = report('showconf').text;
    expect(showconf).toMatch(/showconf\/relay\.showconf: no Address \(`wg showconf` output has none\): took 10\.80\.0\.1\/32/);
    expect(showconf).toMatch(/showconf\/relay\.showconf: Endpoint 198\.51\.100\.80:40312 of edge not kept: it is where edge was last seen/);
    expect(report('dump').text).toMatch(/dump\/east\.dump line 1 \(wg0\): no Address \(a dump has none\): took 10\.70\.0\.1\/32/);
  });

  it('a server alone with clients that dial in: an error finding until its endpoint is known', () => {
    const alone = importConfigs(files('road-warrior'), 'rw');
    expect(alone.warnings.join('\n')).toMatch(/server has no endpoint, but 3 external peer\(s\) dial in to it/);
    const completed = completeDesign(alone.design, { random: seededRandom(1), keys: true }).design;
    expect(validateDesign(completed).filter((f) => f.severity === 'error').map((f) => f.code)).toContain('tunnel-no-endpoint');
  });
});

describe('the corpus files are what their names say', () => {
  it('has at least 15 configs', () => {
    expect(Object.keys(SETS).flatMap((s) => files(s)).length).toBeGreaterThanOrEqual(15);
  });

  it('messy/alpha.conf really has a BOM and CRLF', () => {
    const raw = readFileSync(join(CORPUS, 'messy/alpha.conf'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain('\r\n');
  });
});
