import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBundle } from '../bundle/export-bundle';
import { seededRandom } from '../keys';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { renderWgQuick } from '../render/wg-quick';
import { fixtureDesign } from '../testing/fixture-design';
import { NetnsHost, link } from '../testing/wg-netns-host.node';

/**
 * The whole install.sh of an age bundle on real WireGuard (wireguard-go) in throwaway namespaces with a private
 * /etc: without the identity it stops before changing anything; with it, wg0 comes up with the key and preshared key
 * that were only in secrets.age, and the tunnel to a plain wg-quick peer carries traffic.
 */
const env = 'WG_DESIGNER_NO_SYSTEMD=1 WG_QUICK_USERSPACE_IMPLEMENTATION=wireguard-go';

describe('install.sh with age secrets on real WireGuard', () => {
  it('fails closed without the identity, and installs the keys it decrypts', async () => {
    const root = mkdtempSync(join(tmpdir(), 'wgd-age-ins-'));
    const tag = `wgd-age-${process.pid}`;
    const host = new NetnsHost(`${tag}-1`);
    const peer = new NetnsHost(`${tag}-2`);
    try {
      const key = join(root, 'age.key');
      const gen = spawnSync('age-keygen', ['-o', key], { encoding: 'utf8' });
      expect(gen.status, `${gen.stderr} (install age: scripts/system-deps.sh)`).toBe(0);
      const recipient = /age1[0-9a-z]+/.exec(readFileSync(key, 'utf8'))?.[0] ?? '';
      const design = fixtureDesign('mesh-3', 7);
      const r = await exportBundle(design, seededRandom(1), { secrets: { mode: 'age', recipients: [recipient] } });
      const dir = join(root, 'pg-1');
      mkdirSync(dir);
      for (const f of r.files) {
        if (!f.path.startsWith('pg-1/') || f.path.includes('/failover/')) continue;
        mkdirSync(dirname(join(root, f.path)), { recursive: true });
        writeFileSync(join(root, f.path), f.content, { mode: f.mode });
      }

      await host.start({ wg0: false });
      await peer.start();
      link(host, peer, '203.0.113.31', '203.0.113.32', 0);
      const plan = buildPlan(design);
      const peerPlan = plan.byId.get('pg-2') as HostPlan;
      const up = peer.up(peerPlan, renderWgQuick(peerPlan, { privateKey: 'include', designName: design.name }));
      expect(up.ok, up.out).toBe(true);

      const before = host.run('ls -la /etc/wireguard; ip link show wg0 2>&1').out;
      const refused = host.run(`cd ${dir} && ${env} WG_DESIGNER_AGE_IDENTITY=${root}/absent.key ./install.sh --yes`);
      expect(refused.ok).toBe(false);
      expect(refused.out).toContain(`no age identity at ${root}/absent.key`);
      expect(host.run('ls -la /etc/wireguard; ip link show wg0 2>&1').out).toBe(before);

      const done = host.run(`cd ${dir} && ${env} WG_DESIGNER_AGE_IDENTITY=${key} ./install.sh --yes`);
      expect(done.ok, done.out).toBe(true);
      const pg1 = plan.byId.get('pg-1') as HostPlan;
      const shown = host.run('wg showconf wg0').out;
      expect(shown).toContain(`PrivateKey = ${pg1.host.privateKey}`);
      const psk = pg1.peers.find((p) => p.hostId === 'pg-2')?.presharedKey;
      if (psk) expect(shown).toContain(`PresharedKey = ${psk}`);
      expect(host.ping('10.10.0.2'), 'ping pg-2 over the tunnel keyed from secrets.age').toBe(true);
    } finally {
      host.stop();
      peer.stop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
