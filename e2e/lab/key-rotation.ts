import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parseWgQuick, publicKeyOf } from '../../src/engine';
import { readBundle } from './bundle';
import type { DayTwoResult, RunningDesign } from './day-two-context';
import { onHost } from '../../src/cli/prove/deploy-host';
import { watchFlows } from './flow-watch';
import { cutOverTimeline, parseCutOverLog } from './cut-over-timeline';
import { checkHandshakes, warmUp } from './handshakes';
import type { LabHost } from './handshakes';
import { must, sleep } from '../../src/cli/prove/netns';
import { longestOutage, outageResults } from './outages';
import type { CheckResult } from './results';
import { runCommand } from '../../src/cli/prove/run-command';
import { runFlow } from './run-probes';
import { reinstallHost } from './reinstall';

/** The rotation's steps, as its README numbers them: each runs on every host that has it before the next. */
const STAGE = '1-stage-new-keys';
const SCHEDULE = '2-schedule-cut-over';
const FINISH = '3-finish';
/** How far ahead the lab sets the cut-over: time enough for steps 1 and 2 on every host, one after another. */
const LEAD_SECONDS = 30;

/**
 * `wg-designer rotate --all --at <T>`, then its scripts as its README says, host by host in the README's order:
 * step 1 and step 2 everywhere, then (after T) step 3 everywhere, with probes on every flow throughout. It claims
 * no flow is down for more than a second; afterwards every host holds only its new key and its peers' new keys,
 * every preshared key has changed, every tunnel handshakes and every flow works. Then `rotate --finish` adopts
 * the keys, and the re-exported bundle, installed on every host, must match what they run: nothing restarts.
 */
export async function checkRotation(d: RunningDesign, ownKeys = false): Promise<DayTwoResult> {
  const results: CheckResult[] = [];
  const figures: Record<string, number> = {};
  const zip = `${d.workDir}/rotation.zip`;
  const nextKeys = ownKeys ? await makeNextKeys(d, results) : [];
  const at = new Date(Math.ceil(Date.now() / 1000 + LEAD_SECONDS) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  await must(runCommand('node', [d.cli, 'rotate', d.bundle.designPath, '--all', ...nextKeys, '--at', at, '-o', zip], '', 60_000), 'wg-designer rotate --all');
  await must(runCommand('unzip', ['-q', zip, '-d', `${d.workDir}/rotation`]), 'unzip rotation');
  const [top] = readdirSync(`${d.workDir}/rotation`);
  const root = `${d.workDir}/rotation/${top ?? ''}`;
  const order = readmeOrder(readFileSync(`${root}/README.md`, 'utf8'), [...d.hosts.keys()]);
  const pskBefore = new Map<string, Set<string>>();
  for (const [id, host] of d.hosts) pskBefore.set(id, new Set((await wgShowColumn(host, 'preshared-keys')).values()));

  const watch = await watchFlows(d.checks.flows, d.nsOf);
  const run = async (step: string) => {
    for (const id of order) {
      const host = d.hosts.get(id);
      const script = `${root}/${id}/rotate/${step}.sh`;
      if (!host || !existsSync(script)) continue;
      const r = await onHost(host.deployed, 'bash', [script], 30_000);
      if (r.code !== 0) results.push({ group: 'rotation', label: `${id}: ${step}.sh`, ok: false, detail: (r.stderr || r.stdout).trim() });
    }
  };
  await run(STAGE);
  await run(SCHEDULE);
  const wait = Date.parse(at) - Date.now();
  d.log(`rotation: steps 1 and 2 done on ${order.length} hosts; the cut-over is at ${at}, in ${(wait / 1000).toFixed(1)} s`);
  results.push({ group: 'rotation', label: 'steps 1 and 2 ran on every host before the cut-over time', ok: wait > 0, detail: `${(wait / 1000).toFixed(1)} s to spare` });
  // The cut-over lands up to ~300 ms late on a loaded machine, then may kick again for up to 2.4 s.
  await sleep(Math.max(0, wait) + 4000);
  await run(FINISH);
  const outages = await watch.stop();
  const change = `rotate --all${ownKeys ? ', host keys' : ''} (${order.length} hosts, steps as the README says)`;
  results.push(...outageResults('rotation', change, outages));
  figures[change] = longestOutage(outages);
  d.log(`${change}: longest flow outage ${figures[change]} ms`);
  const cutOvers = order.map((id) => {
    const log = `${root}/${id}/rotate/cut-over.log`;
    return parseCutOverLog(id, existsSync(log) ? readFileSync(log, 'utf8') : '');
  });
  d.log(`rotation timeline: ${cutOverTimeline(at, cutOvers, outages)}`);

  const rotated = new Map<string, LabHost>();
  // The rotation's design.json has every host's new public key; a host that keeps its own key has no private key here.
  const newKeys = publicKeysOf(`${root}/design.json`);
  for (const [id, host] of d.hosts) {
    const conf = `${root}/${id}/rotate/wg0.conf`;
    const installed = await onHost(host.deployed, 'cat', ['/etc/wireguard/wg0.conf']);
    const final = parseWgQuick(existsSync(conf) ? readFileSync(conf, 'utf8') : installed.stdout, `${id}/wg0.conf`);
    const publicKey = newKeys.get(id) ?? '';
    if (final.iface.privateKey !== null && publicKeyOf(final.iface.privateKey) !== publicKey) throw new Error(`${id}: the rotation's wg0.conf and design.json disagree on its new key`);
    rotated.set(id, { ...host, publicKey });
    results.push(await holdsKeys(id, host, publicKey, final.peers.map((p) => p.publicKey)));
    results.push(await pskChanged(id, host, pskBefore.get(id) ?? new Set()));
  }
  for (const [id, h] of rotated) d.hosts.set(id, h);
  await warmUp(d.checks.tunnels, d.hosts);
  for (const r of await checkHandshakes(d.checks.tunnels, d.hosts)) results.push({ ...r, group: 'rotation', label: `after rotation: ${r.label}` });
  for (const f of d.checks.flows) {
    const r = await runFlow(f, d.nsOf);
    results.push({ ...r, group: 'rotation', label: `after rotation: ${r.label}` });
  }
  results.push(...await finishAndReexport(d));
  if (ownKeys) {
    const reinstalled = await reinstallAfterRotation(d);
    results.push(...reinstalled.results);
    Object.assign(figures, reinstalled.figures);
  }
  return { results, figures, present: true };
}

/**
 * Host custody, first half: next-key.sh on every host that has one makes its next key (mode 600) and prints
 * `next-key: <id> <key>`; a second run prints the same key. Returns the `--next-keys` arguments for rotate.
 */
async function makeNextKeys(d: RunningDesign, results: CheckResult[]): Promise<string[]> {
  const lines: string[] = [];
  for (const [id, host] of d.hosts) {
    const script = `${d.bundle.hosts.get(id)?.folder ?? ''}/next-key.sh`;
    if (!existsSync(script)) continue;
    const first = await onHost(host.deployed, 'bash', [script]);
    const again = await onHost(host.deployed, 'bash', [script]);
    const line = /^next-key: [a-z0-9-]+ \S+$/m.exec(first.stdout)?.[0] ?? '';
    const key = line.split(' ')[2] ?? '';
    const mode = (await onHost(host.deployed, 'stat', ['-c', '%a', '/etc/wireguard/wg0.key.next'])).stdout.trim();
    const ok = first.code === 0 && line !== '' && again.stdout.includes(line) && mode === '600' && key !== host.publicKey;
    results.push({ group: 'rotation', label: `${id}: next-key.sh makes its next key on the host (mode 600) and prints it; a second run prints the same`, ok, detail: ok ? `next key ${key.slice(0, 8)}...` : `exit ${first.code}, mode ${mode}, ${(first.stdout + first.stderr).trim().slice(0, 300)}` });
    if (line !== '') lines.push(line);
  }
  const file = `${d.workDir}/next-keys.txt`;
  writeFileSync(file, `${lines.join('\n')}\n`);
  return ['--next-keys', file];
}

/**
 * Host custody, last half: the bundle exported after `rotate --finish` installs on every host with flows probed
 * throughout: install.sh finds the key step 3 moved into /etc/wireguard/wg0.key, checks it against the design, and
 * changes nothing that carries traffic.
 */
async function reinstallAfterRotation(d: RunningDesign): Promise<DayTwoResult> {
  const results: CheckResult[] = [];
  const watch = await watchFlows(d.checks.flows, d.nsOf);
  for (const [id, host] of d.hosts) {
    const folder = d.bundle.hosts.get(id)?.folder ?? '';
    try {
      const deployed = await reinstallHost(host.deployed, folder);
      d.hosts.set(id, { ...host, deployed });
      results.push({ group: 'rotation', label: `${id}: after rotate --finish, install.sh of the new export accepts the host's rotated key`, ok: true, detail: 'key check passed' });
    } catch (e) {
      results.push({ group: 'rotation', label: `${id}: after rotate --finish, install.sh of the new export accepts the host's rotated key`, ok: false, detail: (e as Error).message });
    }
  }
  const outages = await watch.stop();
  const change = 're-install every host after a host-keys rotation';
  results.push(...outageResults('rotation', change, outages));
  return { results, figures: { [change]: longestOutage(outages) }, present: true };
}

/** Host id -> public key, from a design.json. */
function publicKeysOf(path: string): Map<string, string> {
  const design = JSON.parse(readFileSync(path, 'utf8')) as { hosts: Array<{ id: string; publicKey?: string | null }> };
  return new Map(design.hosts.flatMap((h) => (h.publicKey ? [[h.id, h.publicKey] as [string, string]] : [])));
}

/**
 * `rotate --finish` makes the new keys the design's; a plain export then gives every host the keys it already
 * runs, so the bundle the lab holds from here on is that one.
 */
async function finishAndReexport(d: RunningDesign): Promise<CheckResult[]> {
  await must(runCommand('node', [d.cli, 'rotate', d.bundle.designPath, '--finish'], '', 60_000), 'wg-designer rotate --finish');
  await must(runCommand('node', [d.cli, 'export', d.bundle.designPath, '-o', `${d.workDir}/bundle-rotated.zip`], '', 60_000), 'wg-designer export after --finish');
  d.bundle = await readBundle(`${d.workDir}/bundle-rotated.zip`, d.workDir, 'bundle-rotated');
  return [...d.hosts].map(([id, h]) => {
    const exported = d.bundle.hosts.get(id)?.publicKey;
    return { group: 'rotation', label: `after rotate --finish, the exported ${id}/wg0.conf holds the key ${id} runs`, ok: exported === h.publicKey, detail: exported === h.publicKey ? 'same key' : `export has ${exported?.slice(0, 8) ?? 'none'}..., host runs ${h.publicKey.slice(0, 8)}...` };
  });
}

/** Hosts in the order the rotation README's numbered list gives them (`1. hub`); any it does not name come last. */
export function readmeOrder(readme: string, hosts: readonly string[]): string[] {
  const named = [...readme.matchAll(/^\d+\. ([a-z0-9-]+)$/gm)].map((m) => m[1] ?? '').filter((id) => hosts.includes(id));
  const order = [...new Set(named)];
  return [...order, ...hosts.filter((h) => !order.includes(h))];
}

async function wgShowColumn(host: LabHost, what: string): Promise<Map<string, string>> {
  const r = await onHost(host.deployed, 'wg', ['show', 'wg0', what]);
  return new Map(r.stdout.trim().split('\n').filter(Boolean).map((l) => {
    const [k = '', v = ''] = l.split('\t');
    return [k, v];
  }));
}

/** The interface's own public key and its peers' are exactly those of the final config: no old key is left. */
async function holdsKeys(id: string, host: LabHost, publicKey: string, peers: readonly string[]): Promise<CheckResult> {
  const own = (await onHost(host.deployed, 'wg', ['show', 'wg0', 'public-key'])).stdout.trim();
  const held = [...(await wgShowColumn(host, 'peers')).keys()].sort();
  const want = [...peers].sort();
  const ok = own === publicKey && own !== host.publicKey && held.join() === want.join();
  return {
    group: 'rotation',
    label: `${id} holds only its new key and its peers' new keys`,
    ok,
    detail: ok ? `${held.length} peers, all new` : `own key ${own === publicKey ? 'new' : 'NOT the new one'}; peers held ${held.length}, expected ${want.length}${held.some((k) => !want.includes(k)) ? ', some old' : ''}`,
  };
}

/** Every peer's preshared key is one this host did not hold before the rotation. */
async function pskChanged(id: string, host: LabHost, before: ReadonlySet<string>): Promise<CheckResult> {
  const now = [...(await wgShowColumn(host, 'preshared-keys')).values()];
  if ([...before, ...now].every((k) => k === '(none)')) return { group: 'rotation', label: `${id}: no preshared keys before or after`, ok: true, detail: 'the design has none' };
  const kept = now.filter((k) => k === '(none)' || before.has(k));
  return { group: 'rotation', label: `${id}: every tunnel's preshared key changed`, ok: now.length > 0 && kept.length === 0, detail: kept.length === 0 ? `${now.length} new preshared keys` : `${kept.length} of ${now.length} kept or missing` };
}
