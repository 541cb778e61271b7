import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../bundle/bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../bundle/bundle-options';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { renderWgQuick } from '../render/wg-quick';
import { fixtureDesign } from '../testing/fixture-design';
import { NetnsHost, link } from '../testing/wg-netns-host.node';

/**
 * The promote scripts and the hook wrappers of the primary-replica fixture on real WireGuard: every hook ignores
 * events that are not a promotion of its host (exit 0, nothing changed), the promotion event runs the member's own
 * promote script, a second run of any script changes nothing, and the hosts may run them in any order.
 */
const design = fixtureDesign('primary-replica');
const plan = buildPlan(design);
const files = bundleFiles(plan, DEFAULT_BUNDLE_OPTIONS);
const ids = ['pg-primary', 'pg-replica', 'app-1', 'app-2'] as const;
type Id = (typeof ids)[number];
const tag = `wgd-ha-${process.pid}`;
const hosts: Record<Id, NetnsHost> = {
  'pg-primary': new NetnsHost(`${tag}-p`), 'pg-replica': new NetnsHost(`${tag}-r`),
  'app-1': new NetnsHost(`${tag}-a1`), 'app-2': new NetnsHost(`${tag}-a2`),
};
const dir = mkdtempSync(join(tmpdir(), 'wgd-ha-'));
afterAll(() => {
  for (const h of Object.values(hosts)) h.stop();
  rmSync(dir, { recursive: true, force: true });
});

const script = (id: Id, name: string) => join(dir, id, 'failover', name);
const hook = (id: Id, name: string) => script(id, `hooks/orders/${name}`);
/**
 * What a script may change on a host. nft counters are left out (re-loading the table zeroes them) and so are
 * WireGuard's handshake and transfer columns; peers are sorted, as wireguard-go lists them in map order.
 */
const STATE = [
  "nft list ruleset | sed -E 's/counter packets [0-9]+ bytes [0-9]+/counter/'",
  'wg show wg0 dump | cut -f1-4,8 | sort', 'ip -o address show dev wg0', 'ip route show table all dev wg0', 'ip -6 route show table all dev wg0', 'cat /etc/wireguard/wg0.conf',
  'cat /etc/wg-designer/firewall.nft', 'cat /etc/wg-designer/failover-orders.state 2>/dev/null || echo no-state',
].join('; ');
const state = (id: Id) => hosts[id].run(STATE).out;
const holder = () => hosts['app-1'].run('wg show wg0 allowed-ips').out.split('\n').find((l) => l.includes('10.20.0.100/32'))?.split('\t')[0];
const key = (id: Id) => design.hosts.find((h) => h.id === id)?.publicKey;
const holds = (id: Id) => hosts[id].run('ip -4 -o address show dev wg0').out.includes('10.20.0.100/32');

describe('failover hooks and promote scripts on real WireGuard', () => {
  it('writes a hook of each kind on both members and nowhere else, each passing shellcheck', () => {
    for (const f of files.filter((x) => x.path.includes('/failover/'))) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content, { mode: f.mode });
    }
    const hooks = files.map((f) => f.path).filter((p) => p.includes('/hooks/')).sort();
    expect(hooks).toEqual(['pg-primary', 'pg-replica'].flatMap((m) =>
      ['keepalived-notify.sh', 'patroni-on-role-change.sh', 'repmgr-event.sh'].map((n) => `${m}/failover/hooks/orders/${n}`)));
    const scripts = files.filter((f) => f.path.includes('/failover/') && f.path.endsWith('.sh')).map((f) => join(dir, f.path));
    expect(scripts).toHaveLength(14);
    const lint = spawnSync('shellcheck', ['--severity=style', ...scripts], { encoding: 'utf8' });
    expect(lint.status, `${lint.stdout}${lint.stderr}`).toBe(0);
  });

  it('ignores every event that is not a promotion of its host: exit 0, nothing changed', async () => {
    for (const h of Object.values(hosts)) await h.start();
    link(hosts['pg-primary'], hosts['pg-replica'], '203.0.113.20', '203.0.113.21', 1);
    link(hosts['app-1'], hosts['pg-primary'], '198.51.100.1', '203.0.113.20', 2);
    link(hosts['app-1'], hosts['pg-replica'], '198.51.100.1', '203.0.113.21', 3);
    link(hosts['app-2'], hosts['pg-primary'], '198.51.100.2', '203.0.113.20', 4);
    link(hosts['app-2'], hosts['pg-replica'], '198.51.100.2', '203.0.113.21', 5);
    for (const id of ids) {
      const hp = plan.byId.get(id) as HostPlan;
      const up = hosts[id].up(hp, renderWgQuick(hp, { privateKey: 'include', designName: design.name }));
      expect(up.ok, `${id}: ${up.out}`).toBe(true);
      const fw = files.find((f) => f.path === `${id}/firewall.nft`)?.content ?? '';
      const installed = hosts[id].run('install -d -m 700 /etc/wg-designer && cat > /etc/wg-designer/firewall.nft && nft -f /etc/wg-designer/firewall.nft', fw);
      expect(installed.ok, installed.out).toBe(true);
    }
    expect(hosts['app-1'].ping('10.20.0.100'), 'the primary answers on the floating address').toBe(true);
    const before = state('pg-replica');
    const ignored = [
      ['patroni-on-role-change.sh', 'on_role_change replica orders'], ['patroni-on-role-change.sh', 'on_start master orders'],
      ['patroni-on-role-change.sh', 'on_role_change demoted orders'],
      ['repmgr-event.sh', '2 standby_follow 1 "2026-12-07 12:00:00" "follows node 1"'], ['repmgr-event.sh', '2 standby_promote 0 "" "failed"'],
      ['keepalived-notify.sh', 'INSTANCE VI_1 BACKUP 100'], ['keepalived-notify.sh', 'GROUP G FAULT'],
    ];
    for (const [name, args] of ignored) {
      const r = hosts['pg-replica'].run(`${hook('pg-replica', name!)} ${args}`);
      expect(r.ok, `${name} ${args}: ${r.out}`).toBe(true);
      expect(r.out).toContain('ignored');
    }
    for (const [name, args] of [['patroni-on-role-change.sh', 'on_role_change'], ['repmgr-event.sh', 'x standby_promote 1'],
      ['keepalived-notify.sh', 'VRRP VI_1 MASTER 100'], ['keepalived-notify.sh', 'INSTANCE VI_1 MASTER 100 extra']]) {
      const r = hosts['pg-replica'].run(`${hook('pg-replica', name!)} ${args}`);
      expect(r.ok, `${name} ${args} is a wiring mistake`).toBe(false);
      expect(r.out).toContain('usage:');
    }
    expect(state('pg-replica')).toBe(before);
    expect(holder()).toBe(key('pg-primary'));
  }, 120_000);

  it('promotes the replica when Patroni calls its hook, then the other hosts in any order; a second run changes nothing', () => {
    const r = hosts['pg-replica'].run(`${hook('pg-replica', 'patroni-on-role-change.sh')} on_role_change primary orders`);
    expect(r.ok, r.out).toBe(true);
    expect(r.out).toContain('this host is promoted');
    expect(holds('pg-replica')).toBe(true);
    // The clients first, the old primary last: the reverse of the README's order, which only keeps the gap short.
    for (const id of ['app-2', 'app-1', 'pg-primary'] as const) {
      const p = hosts[id].run(`bash ${script(id, 'promote-pg-replica.sh')}`);
      expect(p.ok, `${id}: ${p.out}`).toBe(true);
    }
    expect(holds('pg-primary')).toBe(false);
    expect(holder()).toBe(key('pg-replica'));
    expect(hosts['app-1'].ping('10.20.0.100'), 'the promoted replica answers').toBe(true);
    for (const id of ids) {
      const once = state(id);
      expect(once).toContain('pg-replica\n');
      const again = hosts[id].run(`bash ${script(id, 'promote-pg-replica.sh')}`);
      expect(again.ok, `${id}: ${again.out}`).toBe(true);
      expect(state(id), `${id}: the second run changed nothing`).toBe(once);
    }
  }, 120_000);

  it('fails back when repmgr promotes the old primary again, with the bundle\'s own state on every host', () => {
    const r = hosts['pg-primary'].run(`${hook('pg-primary', 'repmgr-event.sh')} 1 standby_promote 1 "2026-12-07 12:01:00" "node 1 promoted"`);
    expect(r.ok, r.out).toBe(true);
    for (const id of ['app-1', 'pg-replica', 'app-2'] as const) {
      const p = hosts[id].run(`bash ${script(id, 'promote-pg-primary.sh')}`);
      expect(p.ok, `${id}: ${p.out}`).toBe(true);
    }
    expect([holds('pg-primary'), holds('pg-replica')]).toEqual([true, false]);
    expect(holder()).toBe(key('pg-primary'));
    for (const id of ids) {
      expect(hosts[id].run('cat /etc/wireguard/wg0.conf').out).toBe(renderWgQuick(plan.byId.get(id) as HostPlan, { privateKey: 'include', designName: design.name }));
      expect(state(id)).toContain('pg-primary\n');
    }
    expect(hosts['app-1'].ping('10.20.0.100'), 'the old primary answers again').toBe(true);
  }, 120_000);

  it('promotes the replica again when keepalived makes it MASTER', () => {
    const r = hosts['pg-replica'].run(`${hook('pg-replica', 'keepalived-notify.sh')} INSTANCE VI_1 MASTER 100`);
    expect(r.ok, r.out).toBe(true);
    expect(holds('pg-replica')).toBe(true);
    expect(hosts['pg-replica'].run('cat /etc/wg-designer/failover-orders.state').out).toBe('pg-replica\n');
  });
});
