import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
  // A waiter a failed test left scheduled: stop its process group (cut-over.sh leads one) before its hosts go.
  for (const pidFile of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('cut-over.pid'))) {
    try {
      process.kill(-Number(readFileSync(join(dir, pidFile), 'utf8')), 'SIGTERM');
    } catch {
      // already gone
    }
  }
  for (const h of Object.values(hosts)) h.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Pings every 20 ms while `during` runs; returns the longest time between two replies, in ms. */
async function longestGap(from: NetnsHost, to: string, during: () => Promise<void>): Promise<{ gapMs: number; replies: number; log: string }> {
  const ping = from.spawn(`ping -D -n -i 0.02 -W 1 ${to}`);
  let text = '';
  ping.stdout?.on('data', (b: Buffer) => { text += b.toString(); });
  ping.stderr?.on('data', (b: Buffer) => { text += b.toString(); });
  await new Promise((r) => setTimeout(r, 500));
  await during();
  const stopped = Date.now();
  ping.kill('SIGINT');
  await new Promise((r) => ping.once('close', r));
  // The time the probe stopped counts as a reply: replies that never came back are the longest gap of all.
  const times = [...[...text.matchAll(/^\[(\d+\.\d+)\] \d+ bytes from/gm)].map((m) => Number(m[1]) * 1000), stopped];
  let gapMs = 0;
  for (let i = 1; i < times.length; i++) gapMs = Math.max(gapMs, (times[i] as number) - (times[i - 1] as number));
  const at = times.findIndex((t, i) => i > 0 && t - (times[i - 1] as number) === gapMs);
  const log = `gap ends ${new Date(times[at] ?? 0).toISOString()} (probe stopped ${new Date(stopped).toISOString()}):\n${text.split('\n').slice(-8).join('\n')}`;
  return { gapMs, replies: times.length - 1, log };
}

function unpack(rotation: Rotation, name: string): string {
  const root = join(dir, name);
  for (const f of rotation.files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.content, { mode: f.mode });
  }
  return root;
}

function step(root: string, id: (typeof order)[number], script: string, args = ''): string {
  const r = hosts[id].run(`bash ${join(root, id, 'rotate', script)} ${args}`);
  expect(r.ok, `${id} ${script}: ${r.out}`).toBe(true);
  return r.out;
}

function refused(root: string, id: (typeof order)[number], script: string, args = ''): string {
  const r = hosts[id].run(`bash ${join(root, id, 'rotate', script)} ${args}`);
  expect(r.ok, `${id} ${script} should refuse: ${r.out}`).toBe(false);
  return r.out;
}

const iso = (ms: number) => new Date(ms).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pskOf = (id: (typeof order)[number]) => hosts[id].run('wg show wg0 preshared-keys').out.trim().split(/\s+/)[1];
const pub = (d: Design, id: string) => d.hosts.find((h) => h.id === id)?.publicKey;

/** Steps 1 and 2 on every host in README order, each step 2 given its own --at; then waits past the later one and runs step 3. */
async function rotate(root: string, at: Record<(typeof order)[number], number>): Promise<void> {
  for (const id of order) step(root, id, '1-stage-new-keys.sh');
  for (const id of order) step(root, id, '2-schedule-cut-over.sh', `--at ${iso(at[id])}`);
  await sleep(Math.max(...Object.values(at)) - Date.now() + 3000);
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

    const { gapMs, replies, log } = await longestGap(hosts['app-1'], '10.10.0.1', () => rotate(root, { 'app-1': at, 'pg-primary': at }));
    console.log(`one host, same instant: longest ping gap ${gapMs.toFixed(0)} ms over ${replies} replies`);
    expect(replies).toBeGreaterThan(100);
    expect(gapMs, log).toBeLessThan(1000);

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
    const { gapMs, replies, log } = await longestGap(hosts['app-1'], '10.10.0.1', () => rotate(root, { 'app-1': at, 'pg-primary': at + 300 }));
    console.log(`both hosts, 300 ms skew: longest ping gap ${gapMs.toFixed(0)} ms over ${replies} replies`);
    expect(replies).toBeGreaterThan(100);
    expect(gapMs, log).toBeLessThan(1000);
    for (const id of order) step(root, id, '3-finish.sh');
    for (const [id, other] of [['app-1', 'pg-primary'], ['pg-primary', 'app-1']] as const) {
      expect(hosts[id].run('wg show wg0 public-key').out.trim()).toBe(pub(rotation.design, id));
      expect(hosts[id].run('wg show wg0 peers').out.trim().split('\n')).toEqual([pub(rotation.design, other)]);
    }
    expect(pskOf('app-1')).not.toBe(pskBefore);
    expect(pskOf('pg-primary')).toBe(pskOf('app-1'));
    expect(hosts['app-1'].ping('10.10.0.1'), 'ping after rotation').toBe(true);
    design = rotation.design;
  }, 60_000);

  it('step 2 refuses a rotation made from keys the hosts no longer hold (a stale keys file)', () => {
    const stale = rotateKeys(fixtureDesign('point-to-point', 11), ['pg-primary'], seededRandom(12), new Date(Date.now() + 60_000));
    const root = unpack(stale, 'stale');
    for (const id of order) step(root, id, '1-stage-new-keys.sh');
    expect(refused(root, 'app-1', '2-schedule-cut-over.sh')).toContain('not the one this rotation was made from');
    expect(refused(root, 'pg-primary', '2-schedule-cut-over.sh')).toContain('not the one this rotation was made from');
    for (const id of order) step(root, id, 'cancel.sh');
    expect(hosts['app-1'].run('wg show wg0 peers').out.trim()).toBe(pub(design, 'pg-primary'));
  });

  it('rotates pg-primary with it cutting over 300 ms before app-1; the gap stays small', async () => {
    const at = Date.now() + 12_000;
    const rotation = rotateKeys(design, ['pg-primary'], seededRandom(8), new Date(at));
    const root = unpack(rotation, 'host-first');
    const { gapMs, replies, log } = await longestGap(hosts['app-1'], '10.10.0.1', () => rotate(root, { 'app-1': at + 300, 'pg-primary': at }));
    console.log(`one host, rotated host 300 ms first: longest ping gap ${gapMs.toFixed(0)} ms over ${replies} replies`);
    expect(replies).toBeGreaterThan(100);
    expect(gapMs, log).toBeLessThan(1000);
    for (const id of order) step(root, id, '3-finish.sh');
    expect(hosts['app-1'].run('wg show wg0 peers').out.trim()).toBe(pub(rotation.design, 'pg-primary'));
    design = rotation.design;
  }, 60_000);

  it('step 2 refuses a time too close or a second schedule; cancel.sh stops the cut-over and drops the staged keys', () => {
    const rotation = rotateKeys(design, ['app-1'], seededRandom(9), new Date(Date.now() + 60_000));
    const root = unpack(rotation, 'cancel');
    expect(refused(root, 'pg-primary', '2-schedule-cut-over.sh')).toContain('run step 1 first');
    for (const id of order) step(root, id, '1-stage-new-keys.sh');
    expect(hosts['pg-primary'].run('wg show wg0 peers').out.trim().split('\n')).toHaveLength(2);
    expect(refused(root, 'app-1', '2-schedule-cut-over.sh', `--at ${iso(Date.now() + 3000)}`)).toMatch(/at least 10 needed/);
    expect(refused(root, 'app-1', '2-schedule-cut-over.sh', '--at 2026-12-06T10:00:00')).toMatch(/--at must be a UTC time/);
    for (const id of order) expect(step(root, id, '2-schedule-cut-over.sh')).toMatch(/cut-over at .* in 5\d s/);
    expect(refused(root, 'app-1', '2-schedule-cut-over.sh')).toContain('already scheduled');
    const pids = order.map((id) => hosts[id].run(`cat ${join(root, id, 'rotate/cut-over.pid')}`).out.trim());
    for (const id of order) expect(step(root, id, 'cancel.sh')).toContain('stopped the cut-over');
    for (const pid of pids) expect(hosts['app-1'].run(`ps -o stat= -p ${pid} | grep -qv Z`).ok, `waiter ${pid} is gone`).toBe(false);
    expect(hosts['pg-primary'].run('wg show wg0 peers').out.trim()).toBe(pub(design, 'app-1'));
    expect(hosts['app-1'].run('wg show wg0 public-key').out.trim()).toBe(pub(design, 'app-1'));
    expect(hosts['app-1'].ping('10.10.0.1'), 'ping after cancel').toBe(true);
  });

  it('a host that lost its cut-over (a reboot) gets the new keys from step 3 after T', async () => {
    const at = Date.now() + 12_000;
    const rotation = rotateKeys(design, ['pg-primary'], seededRandom(10), new Date(at));
    const root = unpack(rotation, 'reboot');
    for (const id of order) step(root, id, '1-stage-new-keys.sh');
    for (const id of order) step(root, id, '2-schedule-cut-over.sh');
    // A reboot brings wg0 back from /etc/wireguard/wg0.conf with no waiter: what cancel.sh leaves.
    step(root, 'pg-primary', 'cancel.sh');
    expect(refused(root, 'pg-primary', '3-finish.sh')).toContain('run step 3 after it');
    await sleep(at - Date.now() + 1000);
    expect(step(root, 'pg-primary', '3-finish.sh')).toContain('did not take effect on pg-primary');
    // app-1's cut-over kicks pg-primary again for up to 2.1 s after T; step 3 waits for it, as an operator would.
    const finish = () => hosts['app-1'].run(`bash ${join(root, 'app-1', 'rotate', '3-finish.sh')}`);
    let done = finish();
    for (let i = 0; i < 50 && !done.ok && done.out.includes('still running'); i++) {
      await sleep(100);
      done = finish();
    }
    expect(done.ok, done.out).toBe(true);
    expect(hosts['pg-primary'].run('wg show wg0 public-key').out.trim()).toBe(pub(rotation.design, 'pg-primary'));
    expect(hosts['app-1'].ping('10.10.0.1'), 'ping after step 3').toBe(true);
    expect(step(root, 'app-1', '3-finish.sh')).toContain('already done');
  }, 60_000);
});
