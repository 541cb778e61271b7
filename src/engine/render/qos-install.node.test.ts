import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../bundle/bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../bundle/bundle-options';
import { QosLab } from '../testing/qos-lab.node';
import { QOS_SCRIPT_PATH, QOS_UNIT } from './qos';

/**
 * app-1's install.sh of a bundle with QoS, on a host whose wg0 is already up (so install.sh takes the config by
 * `wg syncconf`): it installs qos.sh and its unit and, once committed, applies QoS. /etc is the host's private
 * overlay; /usr/local/lib gets a private tmpfs in the host's mount namespace, so nothing reaches the machine's.
 */
describe('install.sh with QoS on real WireGuard', () => {
  it('installs qos.sh and wg-designer-qos.service and applies QoS after the commit', async () => {
    const lab = new QosLab(`wgd-qins-${process.pid}`, { linkRateMbit: 20, bulkRateMbit: 5 }, false);
    try {
      await lab.start();
      expect(lab.app.run('mount -t tmpfs wgd-qos-lib /usr/local/lib').ok).toBe(true);
      const root = join(lab.dir, 'bundle');
      for (const f of bundleFiles(lab.plan, { ...DEFAULT_BUNDLE_OPTIONS, qos: lab.rates })) {
        if (!f.path.startsWith('app-1/')) continue;
        mkdirSync(dirname(join(root, f.path)), { recursive: true });
        writeFileSync(join(root, f.path), f.content, { mode: f.mode });
      }
      const install = lab.app.run(`cd ${root}/app-1 && WG_DESIGNER_NO_SYSTEMD=1 WG_QUICK_USERSPACE_IMPLEMENTATION=wireguard-go ./install.sh --yes`);
      expect(install.ok, install.out).toBe(true);
      expect(install.out).toContain('qos.sh: 2 wg0 filters; underlay eth0 with 1 peer filters');
      expect(lab.app.run(`test -x ${QOS_SCRIPT_PATH} && test -f /etc/systemd/system/${QOS_UNIT}`).ok).toBe(true);
      for (const dev of ['wg0', 'eth0']) expect(lab.app.run(`tc qdisc show dev ${dev} root`).out).toMatch(/^qdisc htb 77: root/);
      const stop = lab.app.run(`${QOS_SCRIPT_PATH} stop`);
      expect(stop.ok, stop.out).toBe(true);
      for (const dev of ['wg0', 'eth0']) expect(lab.app.run(`tc qdisc show dev ${dev} root`).out).not.toContain('77:');
    } finally {
      lab.stop();
    }
  }, 120_000);
});
