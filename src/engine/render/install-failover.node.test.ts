import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../bundle/bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../bundle/bundle-options';
import { promoted } from '../failover/promotions';
import type { Design } from '../model/design';
import { buildPlan } from '../plan/build-plan';
import { fixtureDesign } from '../testing/fixture-design';
import { NetnsHost } from '../testing/wg-netns-host.node';

/**
 * install.sh of app-1 (primary-replica) on a host where a promote script recorded pg-replica as active: the bundle
 * made before the promotion is refused before anything changes; WG_DESIGNER_ALLOW_FAILBACK=1 installs it and
 * records the bundle's primary; the bundle exported after `wg-designer promote` installs without a word.
 */
const design = fixtureDesign('primary-replica');
const env = 'WG_DESIGNER_NO_SYSTEMD=1 WG_QUICK_USERSPACE_IMPLEMENTATION=wireguard-go';
const host = new NetnsHost(`wgd-insfo-${process.pid}`);
const root = mkdtempSync(join(tmpdir(), 'wgd-insfo-'));
afterAll(() => {
  host.stop();
  rmSync(root, { recursive: true, force: true });
});

function writeBundle(d: Design): string {
  const dir = mkdtempSync(join(root, 'bundle-'));
  for (const f of bundleFiles(buildPlan(d), DEFAULT_BUNDLE_OPTIONS)) {
    if (!f.path.startsWith('app-1/')) continue;
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content, { mode: f.mode });
  }
  return join(dir, 'app-1');
}

const STATE = 'ip -o link show wg0 2>&1; find /etc/wg-designer /etc/wireguard -printf "%p %m\\n" 2>/dev/null | sort; cat /etc/wg-designer/failover-orders.state';

describe('install.sh after a failover', () => {
  it('refuses a bundle that would fail back, naming the group and the active member, and changes nothing', async () => {
    await host.start({ wg0: false });
    expect(host.run("install -d -m 700 /etc/wg-designer && printf 'pg-replica\\n' > /etc/wg-designer/failover-orders.state").ok).toBe(true);
    const before = host.run(STATE).out;
    const stale = writeBundle(design);
    const r = host.run(`cd ${stale} && ${env} ./install.sh --yes`);
    expect(r.ok).toBe(false);
    expect(r.out).toContain('install.sh: failover group orders: this host has pg-replica active (/etc/wg-designer/failover-orders.state, written by promote-pg-replica.sh), but this bundle makes pg-primary the primary: installing it would fail back.');
    expect(r.out).toContain('wg-designer promote <design.json> --group orders');
    expect(r.out).toContain('WG_DESIGNER_ALLOW_FAILBACK=1');
    expect(host.run(STATE).out).toBe(before);
  }, 60_000);

  it('installs the bundle exported after the promotion, and fails back only when told to', () => {
    const after = writeBundle(promoted(design, 'orders'));
    const ok = host.run(`cd ${after} && ${env} ./install.sh --yes`);
    expect(ok.ok, ok.out).toBe(true);
    expect(host.run('cat /etc/wg-designer/failover-orders.state').out).toBe('pg-replica\n');
    const stale = writeBundle(design);
    const back = host.run(`cd ${stale} && WG_DESIGNER_ALLOW_FAILBACK=1 ${env} ./install.sh --yes`);
    expect(back.ok, back.out).toBe(true);
    expect(back.out).toContain('failing back from pg-replica to pg-primary');
    expect(host.run('cat /etc/wg-designer/failover-orders.state').out).toBe('pg-primary\n');
    const again = host.run(`cd ${stale} && ${env} ./install.sh --yes`);
    expect(again.ok, again.out).toBe(true);
    expect(again.out).toContain('nothing to change');
  }, 60_000);
});
