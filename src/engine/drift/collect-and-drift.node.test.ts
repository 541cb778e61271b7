import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf, formatAddress } from '../net';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { renderCollectScript } from '../render/collect-script';
import { renderIptables } from '../render/iptables';
import { renderNftables } from '../render/nftables';
import { renderWgQuick } from '../render/wg-quick';
import { fixtureDesign } from '../testing/fixture-design';
import { NetnsHost, link } from '../testing/wg-netns-host.node';
import { detectDrift } from './detect-drift';
import type { CollectedFleet } from './types';

/**
 * point-to-point on real WireGuard and nftables: collect.sh runs on both hosts, detectDrift reads what it wrote.
 * The unchanged network has no drift; each change made live shows as exactly one finding.
 */
describe('collect.sh and drift on real WireGuard', () => {
  const design = fixtureDesign('point-to-point');
  const plan = buildPlan(design);
  const tag = `wgd-drift-${process.pid}`;
  const hosts = new Map([['app-1', new NetnsHost(`${tag}-a`)], ['pg-primary', new NetnsHost(`${tag}-p`)]]);
  const dir = mkdtempSync(join(tmpdir(), 'wgd-drift-'));
  const hp = (id: string) => plan.byId.get(id) as HostPlan;
  const host = (id: string) => hosts.get(id) as NetnsHost;

  beforeAll(async () => {
    for (const h of hosts.values()) await h.start();
    link(host('app-1'), host('pg-primary'), '198.51.100.21', '203.0.113.10', 0);
    for (const id of hosts.keys()) {
      const up = host(id).up(hp(id), renderWgQuick(hp(id), { privateKey: 'include', designName: design.name }));
      expect(up.ok, up.out).toBe(true);
      const fw = host(id).run('nft -f -', renderNftables(hp(id)));
      expect(fw.ok, fw.out).toBe(true);
      writeFileSync(join(dir, `collect-${id}.sh`), renderCollectScript(hp(id), 'nftables'), { mode: 0o755 });
    }
    const pgAddress = hp('pg-primary').addresses[0];
    expect(pgAddress && host('app-1').ping(formatAddress(addressOf(pgAddress)))).toBe(true);
  }, 60_000);

  afterAll(() => {
    for (const h of hosts.values()) h.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function collect(round: string, scripts: Readonly<Record<string, string>> = {}): CollectedFleet {
    const fleet: Record<string, Record<string, string>> = {};
    for (const id of hosts.keys()) {
      const out = join(dir, round, id);
      const r = host(id).run(`${scripts[id] ?? join(dir, `collect-${id}.sh`)} ${out}`);
      expect(r.ok, r.out).toBe(true);
      expect(r.out).toContain(`collected host ${id} into ${out}`);
      fleet[id] = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    }
    return fleet;
  }

  it('passes shellcheck', () => {
    const r = spawnSync('shellcheck', ['--severity=style', ...[...hosts.keys()].map((id) => join(dir, `collect-${id}.sh`))], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('finds no drift on the network as deployed, and writes no key but public ones', () => {
    const fleet = collect('clean');
    expect(detectDrift(plan, fleet)).toEqual([]);
    const dump = fleet['app-1']?.['wg-dump.txt'] ?? '';
    expect(dump).toContain('(redacted)');
    for (const id of hosts.keys()) {
      const secret = plan.byId.get(id)?.privateKey ?? '';
      expect(secret).toHaveLength(44);
      for (const text of Object.values(fleet[id] ?? {})) expect(text).not.toContain(secret);
    }
  });

  it('reads a host whose bundle chose iptables from iptables-save, and finds it as designed', () => {
    const app = host('app-1');
    const script = join(dir, 'collect-app-1-iptables.sh');
    writeFileSync(script, renderCollectScript(hp('app-1'), 'iptables'), { mode: 0o755 });
    expect(spawnSync('shellcheck', ['--severity=style', script], { encoding: 'utf8' }).status).toBe(0);
    for (const family of [4, 6] as const) {
      const load = app.run(`${family === 4 ? 'iptables' : 'ip6tables'}-restore -n`, renderIptables(hp('app-1'), family));
      expect(load.ok, load.out).toBe(true);
    }
    const fleet = collect('iptables', { 'app-1': script });
    expect(Object.keys(fleet['app-1'] ?? {}).sort()).toEqual(['collected-at.txt', 'ip-addr.json', 'ip-route.json', 'ip6-route.json', 'ip6tables-save.txt', 'iptables-save.txt', 'wg-dump.txt']);
    expect(detectDrift(plan, fleet)).toEqual([]);
    expect(app.run('iptables -F WGD-FROM-TUNNEL').ok).toBe(true);
    // Every rule of that IPv4 chain, and nothing else, is missing now.
    const flushed = renderIptables(hp('app-1'), 4).split('\n').filter((l) => l.startsWith('-A WGD-FROM-TUNNEL ')).length;
    const found = detectDrift(plan, collect('iptables-flushed', { 'app-1': script }));
    expect(found.map((f) => [f.host, f.what, f.expected.split(':')[0]])).toEqual(
      Array.from({ length: flushed }, () => ['app-1', 'firewall-rule-missing', 'chain WGD-FROM-TUNNEL (IPv4)']));
    expect(flushed).toBeGreaterThan(2);
  });

  it('reports a flow rule taken out of the table and a rule added to it, and nothing else of the firewall', () => {
    const pg = host('pg-primary');
    const listing = pg.run('nft -a list chain inet wg_designer from_tunnel');
    const handle = /comment "flow f-app-1-pg" # handle (\d+)/.exec(listing.out)?.[1];
    expect(handle, listing.out).toBeDefined();
    expect(pg.run(`nft delete rule inet wg_designer from_tunnel handle ${handle}`).ok).toBe(true);
    expect(pg.run('nft insert rule inet wg_designer from_tunnel tcp dport 6379 accept').ok).toBe(true);
    const found = detectDrift(plan, collect('rules'));
    expect(found.map((f) => [f.host, f.what])).toEqual([['pg-primary', 'firewall-rule-missing'], ['pg-primary', 'firewall-rule-extra']]);
    expect(found[0]?.expected).toMatch(/^chain from_tunnel: accept "flow f-app-1-pg" \[10\.10\.0\.\d+\/32 10\.10\.1\.\d+\/32 :5432\]$/);
    expect(found[1]?.actual).toBe('chain from_tunnel: accept [:6379]');
    expect(pg.run('nft -f -', renderNftables(hp('pg-primary'))).ok).toBe(true);
  });

  it('reports each live change once: a removed firewall table, changed AllowedIPs, a removed peer', () => {
    const appKey = hp('app-1').publicKey ?? '';
    const pgKey = hp('pg-primary').publicKey ?? '';
    const steps = [
      host('app-1').run('nft delete table inet wg_designer'),
      host('pg-primary').run(`wg set wg0 peer ${appKey} allowed-ips 10.10.1.99/32`),
    ];
    for (const s of steps) expect(s.ok, s.out).toBe(true);
    const first = detectDrift(plan, collect('changed'));
    expect(first.map((f) => [f.host, f.what, f.actual])).toEqual([
      ['app-1', 'firewall-missing', 'not in the live ruleset'],
      ['pg-primary', 'allowed-ips', '10.10.1.99/32'],
    ]);
    expect(host('app-1').run(`wg set wg0 peer ${pgKey} remove`).ok).toBe(true);
    const second = detectDrift(plan, collect('removed'));
    expect(second.filter((f) => f.what === 'peer-missing')).toEqual([
      { host: 'app-1', peer: 'pg-primary', tunnel: 't-app-1-pg', what: 'peer-missing', expected: `peer pg-primary (${pgKey})`, actual: 'not on the interface' },
    ]);
  });

  it('reports an interface taken down, as ip -j addr shows it, and the routes the kernel dropped with it', () => {
    expect(host('pg-primary').run('ip link set wg0 down').ok).toBe(true);
    const found = detectDrift(plan, collect('down')).filter((f) => f.host === 'pg-primary');
    expect(found.map((f) => f.what)).toEqual(['interface-down', 'allowed-ips', 'route-missing']);
    expect(found[2]).toMatchObject({ peer: 'app-1', tunnel: 't-app-1-pg', actual: 'none in the main table' });
  });
});
