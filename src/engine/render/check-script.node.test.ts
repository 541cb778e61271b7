import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { fixtureDesign } from '../testing/fixture-design';
import { NetnsHost, link } from '../testing/wg-netns-host.node';
import { renderCheckScript } from './check-script';
import { renderWgQuick } from './wg-quick';

/**
 * check.sh of app-1 (point-to-point) on real WireGuard, with a router between app-1 and pg-primary. The underlay is
 * 1500 bytes, so wg0 is 1440 and WireGuard's packets are 1500 bytes; the router's link to pg-primary is `narrow`.
 * Inside the tunnel every ping passes either way: WireGuard's UDP leaves without DF and the router fragments it.
 */
async function checkWithRouter(narrow: number, where: 'router' | 'app' = 'router'): Promise<{ out: string; ok: boolean }> {
  const design = fixtureDesign('point-to-point');
  const plan = buildPlan(design);
  const tag = `wgd-chk-${narrow}-${process.pid}`;
  const app = new NetnsHost(`${tag}-a`);
  const router = new NetnsHost(`${tag}-r`);
  const pg = new NetnsHost(`${tag}-p`);
  const dir = mkdtempSync(join(tmpdir(), 'wgd-check-'));
  try {
    await app.start();
    await router.start({ wg0: false });
    await pg.start();
    link(app, router, '198.51.100.21', '198.51.100.1', 0);
    link(router, pg, '203.0.113.1', '203.0.113.10', 1);
    const steps = [
      app.run('ip route add 203.0.113.10/32 via 198.51.100.1 dev eth0'),
      pg.run(`ip route add 198.51.100.21/32 via 203.0.113.1 dev eth1${where === 'router' ? ` && ip link set eth1 mtu ${narrow}` : ''}`),
      router.run(`sysctl -q -w net.ipv4.ip_forward=1${where === 'router' ? ` && ip link set eth1 mtu ${narrow}` : ` && ip link set eth0 mtu ${narrow}`}`),
      ...(where === 'app' ? [app.run(`ip link set eth0 mtu ${narrow}`)] : []),
    ];
    for (const s of steps) expect(s.ok, s.out).toBe(true);
    for (const [host, id] of [[app, 'app-1'], [pg, 'pg-primary']] as const) {
      const hp = plan.byId.get(id) as HostPlan;
      const up = host.up(hp, renderWgQuick(hp, { privateKey: 'include', designName: design.name }));
      expect(up.ok, up.out).toBe(true);
    }
    const script = join(dir, 'check.sh');
    writeFileSync(script, renderCheckScript(plan, plan.byId.get('app-1') as HostPlan), { mode: 0o755 });
    return app.run(script);
  } finally {
    app.stop();
    router.stop();
    pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('check.sh sees the underlay', () => {
  it('names the hop and its MTU when WireGuard\'s own packets do not fit', async () => {
    const { out } = await checkWithRouter(1400);
    expect(out).toMatch(/FAIL {2}peer pg-primary: 1500-byte WireGuard packets to 203\.0\.113\.10 do not pass: the underlay MTU is 1400 at (198\.51\.100\.1|203\.0\.113\.1)\n {6}next: set MTU = 1340 in wg0\.conf/);
  }, 120_000);

  it('names this host\'s own link when it is the narrow one', async () => {
    const { out } = await checkWithRouter(1420, 'app');
    expect(out).toContain('FAIL  peer pg-primary: 1500-byte WireGuard packets to 203.0.113.10 do not pass: the underlay MTU is 1420 at this host\'s own link (eth0)\n      next: set MTU = 1360 in wg0.conf');
  }, 120_000);

  it('says the path fits when it does', async () => {
    const { out } = await checkWithRouter(1500);
    expect(out).toContain('OK    peer pg-primary: 1500-byte WireGuard packets reach 203.0.113.10 unfragmented on the underlay');
    expect(out).not.toContain('underlay MTU is');
  }, 120_000);
});
