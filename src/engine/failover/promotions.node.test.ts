import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../bundle/bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../bundle/bundle-options';
import { completeDesign } from '../complete/complete-design';
import { seededRandom } from '../keys';
import { parseDesign } from '../model/parse-design';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { renderWgQuick } from '../render/wg-quick';
import { NetnsHost, link } from '../testing/wg-netns-host.node';

const raw = {
  format: 'wg-designer/1',
  name: 'primary-replica',
  hosts: [
    { id: 'app-1', role: 'app' },
    { id: 'pg-1', role: 'db', endpoint: '203.0.113.41:51820' },
    { id: 'pg-2', role: 'db', endpoint: '203.0.113.42:51820' },
  ],
  tunnels: [{ id: 't-a-1', a: 'app-1', b: 'pg-1' }, { id: 't-a-2', a: 'app-1', b: 'pg-2' }, { id: 't-1-2', a: 'pg-1', b: 'pg-2' }],
  flows: [
    { id: 'f-app-pg-1', from: 'app-1', to: 'pg-1' },
    { id: 'r-1-2', from: 'pg-1', to: 'pg-2', kind: 'replication' },
  ],
  failover: [{ id: 'orders-primary', address: '10.10.0.100', primary: 'pg-1', replica: 'pg-2' }],
};
const parsed = parseDesign(raw);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const design = completeDesign(parsed.value, { random: seededRandom(21), keys: true }).design;
const plan = buildPlan(design);
const files = bundleFiles(plan, DEFAULT_BUNDLE_OPTIONS);

const tag = `wgd-fo-${process.pid}`;
const hosts = { 'app-1': new NetnsHost(`${tag}-a`), 'pg-1': new NetnsHost(`${tag}-1`), 'pg-2': new NetnsHost(`${tag}-2`) };
const dir = mkdtempSync(join(tmpdir(), 'wgd-fo-'));
afterAll(() => {
  for (const h of Object.values(hosts)) h.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('failover of a primary-replica pair', () => {
  it('gives the floating address to the primary and lets the replica accept it on standby', () => {
    expect(plan.byId.get('pg-1')?.addresses.map((a) => a.addr)).toContain(0x0a0a0064n);
    const toPg1 = plan.byId.get('app-1')?.peers.find((p) => p.hostId === 'pg-1');
    expect(toPg1?.allowedIPs.some((a) => a.addr === 0x0a0a0064n)).toBe(true);
    const standby = plan.byId.get('pg-2')?.firewall.inbound.map((r) => r.flowId);
    expect(standby).toContain('f-app-pg-1-standby-orders-primary');
    expect(files.map((f) => f.path).filter((p) => p.endsWith('.sh') && /failover\/promote-/.test(p)).sort()).toEqual([
      'app-1/failover/promote-pg-1.sh', 'app-1/failover/promote-pg-2.sh', 'pg-1/failover/promote-pg-1.sh',
      'pg-1/failover/promote-pg-2.sh', 'pg-2/failover/promote-pg-1.sh', 'pg-2/failover/promote-pg-2.sh',
    ]);
  });

  it('moves the address to the replica on real WireGuard with the promotion scripts', async () => {
    for (const h of Object.values(hosts)) await h.start();
    link(hosts['app-1'], hosts['pg-1'], '198.51.100.40', '203.0.113.41', 1);
    link(hosts['app-1'], hosts['pg-2'], '198.51.100.40', '203.0.113.42', 2);
    link(hosts['pg-1'], hosts['pg-2'], '203.0.113.41', '203.0.113.42', 3);
    for (const id of Object.keys(hosts) as Array<keyof typeof hosts>) {
      const hp = plan.byId.get(id) as HostPlan;
      const r = hosts[id].up(hp, renderWgQuick(hp, { privateKey: 'include', designName: design.name }));
      expect(r.ok, `${id}: ${r.out}`).toBe(true);
      expect(hosts[id].run('mkdir -p /etc/wg-designer').ok).toBe(true);
    }
    const holder = () => hosts['app-1'].run('wg show wg0 allowed-ips').out.split('\n').find((l) => l.includes('10.10.0.100/32'))?.split('\t')[0];
    const key = (id: string) => design.hosts.find((h) => h.id === id)?.publicKey;
    expect(hosts['app-1'].ping('10.10.0.100'), 'the primary answers on the floating address').toBe(true);
    expect(holder()).toBe(key('pg-1'));

    for (const f of files.filter((x) => x.path.includes('/failover/'))) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content, { mode: f.mode });
    }
    for (const id of ['pg-1', 'app-1', 'pg-2'] as const) {
      const r = hosts[id].run(`nft list tables >/dev/null && bash ${join(dir, id, 'failover', 'promote-pg-2.sh')}`);
      expect(r.ok, `${id}: ${r.out}`).toBe(true);
    }
    expect(holder()).toBe(key('pg-2'));
    expect(hosts['pg-2'].run('ip -4 address show dev wg0').out).toContain('10.10.0.100/32');
    expect(hosts['pg-1'].run('ip -4 address show dev wg0').out).not.toContain('10.10.0.100');
    expect(hosts['app-1'].ping('10.10.0.100'), 'the promoted replica answers').toBe(true);
    expect(existsSync('/etc/wg-designer/firewall.nft'), 'the scripts wrote only inside the test hosts').toBe(false);
  });
});
