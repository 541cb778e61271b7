import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../keys';
import type { Design } from '../model/design';
import { buildPlan } from '../plan/build-plan';
import { renderWgQuick } from '../render/wg-quick';
import { fixtureDesign } from '../testing/fixture-design';
import { NetnsHost, link } from '../testing/wg-netns-host.node';
import type { HostPlan } from '../plan/types';
import { rotateKeys } from './rotate-keys';
import type { Rotation } from './rotate-keys';

const tag = `wgd-rot-${process.pid}`;
const hosts = { 'app-1': new NetnsHost(`${tag}-a`), 'pg-primary': new NetnsHost(`${tag}-b`) };
const underlay = { 'app-1': '198.51.100.21', 'pg-primary': '203.0.113.10' };
const order = ['app-1', 'pg-primary'] as const;
const dir = mkdtempSync(join(tmpdir(), 'wgd-rot-'));
afterAll(() => {
  for (const h of Object.values(hosts)) h.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Pings every 20 ms while `during` runs; returns the longest time between two replies, in ms. */
async function longestGap(from: NetnsHost, to: string, during: () => Promise<void>): Promise<{ gapMs: number; replies: number }> {
  const ping = from.spawn(`ping -D -n -i 0.02 -W 1 ${to}`);
  let text = '';
  ping.stdout?.on('data', (b: Buffer) => { text += b.toString(); });
  await new Promise((r) => setTimeout(r, 500));
  await during();
  ping.kill('SIGINT');
  await new Promise((r) => ping.once('close', r));
  const times = [...text.matchAll(/^\[(\d+\.\d+)\] \d+ bytes from/gm)].map((m) => Number(m[1]) * 1000);
  let gapMs = 0;
  for (let i = 1; i < times.length; i++) gapMs = Math.max(gapMs, (times[i] as number) - (times[i - 1] as number));
  return { gapMs, replies: times.length };
}

function unpack(rotation: Rotation, name: string): string {
  const root = join(dir, name);
  for (const f of rotation.files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.content, { mode: f.mode });
  }
  return root;
}

function step(root: string, id: (typeof order)[number], script: string, args = ''): void {
  const r = hosts[id].run(`bash ${join(root, id, 'rotate', script)} ${args}`);
  expect(r.ok, `${id} ${script}: ${r.out}`).toBe(true);
}

const iso = (ms: number) => new Date(ms).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pskOf = (id: (typeof order)[number]) => hosts[id].run('wg show wg0 preshared-keys').out.trim().split(/\s+/)[1];
const pub = (d: Design, id: string) => d.hosts.find((h) => h.id === id)?.publicKey;

/** Steps 1 and 2 on every host in README order, each step 2 given its own --at; then waits past the later one and runs step 3. */
async function rotate(root: string, at: Record<(typeof order)[number], number>): Promise<void> {
  for (const id of order) step(root, id, '1-stage-new-keys.sh');
  for (const id of order) step(root, id, '2-schedule-cut-over.sh', `--at ${iso(at[id])}`);
  await sleep(Math.max(...Object.values(at)) - Date.now() + 1500);
  expect(hosts['app-1'].run(`cat ${join(root, 'app-1/rotate/cut-over.log')}`).out).toMatch(/^cut over at /m);
}

describe('key rotation on real WireGuard', () => {
  let design: Design = fixtureDesign('point-to-point', 11);

  it('cuts pg-primary over to a new keypair and PSK at one instant; pings never stop for a second', async () => {
    const plan = buildPlan(design);
    for (const h of Object.values(hosts)) await h.start();
    link(hosts['app-1'], hosts['pg-primary'], underlay['app-1'], underlay['pg-primary'], 0);
    for (const id of order) {
      const hp = plan.byId.get(id) as HostPlan;
      const r = hosts[id].up(hp, renderWgQuick(hp, { privateKey: 'include', designName: design.name }));
      expect(r.ok, r.out).toBe(true);
    }
    expect(hosts['app-1'].ping('10.10.0.1'), 'ping before rotation').toBe(true);
    const pskBefore = pskOf('app-1');

    const at = Date.now() + 12_000;
    const rotation = rotateKeys(design, ['pg-primary'], seededRandom(99), new Date(at));
    const root = unpack(rotation, 'one');
    const newKey = rotation.design.hosts.find((h) => h.id === 'pg-primary')?.privateKey as string;
    expect(rotation.files.filter((f) => f.content.includes(newKey)).map((f) => f.path)).toEqual(['pg-primary/rotate/wg0.conf']);

    const { gapMs, replies } = await longestGap(hosts['app-1'], '10.10.0.1', () => rotate(root, { 'app-1': at, 'pg-primary': at }));
    console.log(`one host, same instant: longest ping gap ${gapMs.toFixed(0)} ms over ${replies} replies`);
    expect(replies).toBeGreaterThan(100);
    expect(gapMs).toBeLessThan(1000);

    for (const id of order) step(root, id, '3-finish.sh');
    expect(hosts['app-1'].run('wg show wg0 peers').out.trim().split('\n')).toEqual([pub(rotation.design, 'pg-primary')]);
    expect(hosts['pg-primary'].run('wg show wg0 public-key').out.trim()).toBe(pub(rotation.design, 'pg-primary'));
    expect(pskOf('app-1')).not.toBe(pskBefore);
    expect(pskOf('pg-primary')).toBe(pskOf('app-1'));
    expect(hosts['pg-primary'].run('ls -A /etc/wireguard').out.trim(), 'no copy of the old config is kept').toBe('wg0.conf');
    expect(hosts['pg-primary'].run(`test -e ${join(root, 'pg-primary/rotate/wg0.conf')}`).ok, 'the folder\'s private key copy is wiped').toBe(false);
    expect(hosts['app-1'].ping('10.10.0.1'), 'ping after rotation').toBe(true);
    design = rotation.design;
  }, 60_000);

  it('rotates both hosts with their cut-overs 300 ms apart (skewed clocks); the gap stays small', async () => {
    const pskBefore = pskOf('app-1');
    const at = Date.now() + 12_000;
    const rotation = rotateKeys(design, ['app-1', 'pg-primary'], seededRandom(7), new Date(at));
    const root = unpack(rotation, 'both');
    const { gapMs, replies } = await longestGap(hosts['app-1'], '10.10.0.1', () => rotate(root, { 'app-1': at, 'pg-primary': at + 300 }));
    console.log(`both hosts, 300 ms skew: longest ping gap ${gapMs.toFixed(0)} ms over ${replies} replies`);
    expect(replies).toBeGreaterThan(100);
    expect(gapMs).toBeLessThan(1000);
    for (const id of order) step(root, id, '3-finish.sh');
    for (const [id, other] of [['app-1', 'pg-primary'], ['pg-primary', 'app-1']] as const) {
      expect(hosts[id].run('wg show wg0 public-key').out.trim()).toBe(pub(rotation.design, id));
      expect(hosts[id].run('wg show wg0 peers').out.trim().split('\n')).toEqual([pub(rotation.design, other)]);
    }
    expect(pskOf('app-1')).not.toBe(pskBefore);
    expect(pskOf('pg-primary')).toBe(pskOf('app-1'));
    expect(hosts['app-1'].ping('10.10.0.1'), 'ping after rotation').toBe(true);
  }, 60_000);
});
