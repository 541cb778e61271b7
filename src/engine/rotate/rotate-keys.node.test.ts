import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../keys';
import { buildPlan } from '../plan/build-plan';
import { renderWgQuick } from '../render/wg-quick';
import { fixtureDesign } from '../testing/fixture-design';
import { NetnsHost, link } from '../testing/wg-netns-host.node';
import type { HostPlan } from '../plan/types';
import { rotateKeys } from './rotate-keys';

const tag = `wgd-rot-${process.pid}`;
const hosts = { 'app-1': new NetnsHost(`${tag}-a`), 'pg-primary': new NetnsHost(`${tag}-b`) };
const underlay = { 'app-1': '198.51.100.21', 'pg-primary': '203.0.113.10' };
const dir = mkdtempSync(join(tmpdir(), 'wgd-rot-'));
afterAll(() => {
  for (const h of Object.values(hosts)) h.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('key rotation on real WireGuard', () => {
  it('moves pg-primary to a new key with the staged scripts, and the tunnel carries traffic before and after', async () => {
    const design = fixtureDesign('point-to-point', 11);
    const plan = buildPlan(design);
    for (const h of Object.values(hosts)) await h.start();
    link(hosts['app-1'], hosts['pg-primary'], underlay['app-1'], underlay['pg-primary'], 0);
    for (const id of ['app-1', 'pg-primary'] as const) {
      const hp = plan.byId.get(id) as HostPlan;
      const r = hosts[id].up(hp, renderWgQuick(hp, { privateKey: 'include', designName: design.name }));
      expect(r.ok, r.out).toBe(true);
    }
    const ping = () => ({ ok: hosts['app-1'].ping('10.10.0.1') });
    expect(ping().ok, 'ping before rotation').toBe(true);

    const rotation = rotateKeys(design, ['pg-primary'], seededRandom(99));
    for (const f of rotation.files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content, { mode: f.mode });
    }
    const newKey = rotation.design.hosts.find((h) => h.id === 'pg-primary')?.privateKey as string;
    expect(rotation.files.filter((f) => f.content.includes(newKey)).map((f) => f.path).sort())
      .toEqual(['pg-primary/rotate/2-switch-to-new-key.sh', 'pg-primary/rotate/wg0.conf']);

    for (const [id, step] of [['app-1', '1-add-new-peer-keys'], ['pg-primary', '2-switch-to-new-key'], ['app-1', '3-apply-final-config'], ['pg-primary', '3-apply-final-config']] as const) {
      const r = hosts[id].run(`bash ${join(dir, id, 'rotate', `${step}.sh`)}`);
      expect(r.ok, `${id} ${step}: ${r.out}`).toBe(true);
    }
    expect(ping().ok, 'ping after rotation').toBe(true);
    const newPub = rotation.design.hosts.find((h) => h.id === 'pg-primary')?.publicKey;
    const peers = hosts['app-1'].run('wg show wg0 peers').out.trim().split('\n');
    expect(peers).toEqual([newPub]);
    const handshake = Number(hosts['app-1'].run('wg show wg0 latest-handshakes').out.trim().split(/\s+/)[1]);
    expect(handshake).toBeGreaterThan(0);
  });
});
