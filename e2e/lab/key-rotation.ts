import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parseWgQuick, publicKeyOf } from '../../src/engine';
import type { LabBundle } from './bundle';
import { onHost } from './deploy-host';
import type { Probe, TunnelCheck } from './expectations';
import { checkHandshakes, warmUp } from './handshakes';
import type { LabHost } from './handshakes';
import { must } from './netns';
import type { CheckResult } from './results';
import { runCommand } from './run-command';
import { runFlow } from './run-probes';
import type { NsOf } from './run-probes';

/** What the rotation check needs from the design's run. */
export interface RotationContext {
  cli: string;
  bundle: LabBundle;
  workDir: string;
  hosts: ReadonlyMap<string, LabHost>;
  tunnels: readonly TunnelCheck[];
  flows: readonly Probe[];
  nsOf: NsOf;
}

const STEPS = ['1-add-new-peer-keys', '2-switch-to-new-key', '3-apply-final-config'];

/**
 * `wg-designer rotate --all`, then its staged scripts as its README says: each step on every host that has it
 * before the next. It claims that afterwards every host holds exactly its final config's keys (the old ones
 * forgotten), and the tunnels and flows work as before: each of those is a check.
 */
export async function checkRotation(ctx: RotationContext): Promise<CheckResult[]> {
  const zip = `${ctx.workDir}/rotation.zip`;
  await must(runCommand('node', [ctx.cli, 'rotate', ctx.bundle.designPath, '--all', '-o', zip], '', 60_000), 'wg-designer rotate --all');
  await must(runCommand('unzip', ['-q', zip, '-d', `${ctx.workDir}/rotation`]), 'unzip rotation');
  const [top] = readdirSync(`${ctx.workDir}/rotation`);
  const root = `${ctx.workDir}/rotation/${top ?? ''}`;
  const results: CheckResult[] = [];
  for (const step of STEPS) {
    for (const [id, host] of ctx.hosts) {
      const script = `${root}/${id}/rotate/${step}.sh`;
      if (!existsSync(script)) continue;
      const r = await onHost(host.deployed, 'bash', [script]);
      if (r.code !== 0) results.push({ group: 'rotation', label: `${id}: ${step}.sh`, ok: false, detail: (r.stderr || r.stdout).trim() });
    }
  }
  const rotated = new Map<string, LabHost>();
  for (const [id, host] of ctx.hosts) {
    const conf = `${root}/${id}/rotate/wg0.conf`;
    if (!existsSync(conf)) {
      rotated.set(id, host);
      continue;
    }
    const final = parseWgQuick(readFileSync(conf, 'utf8'), `${id}/rotate/wg0.conf`);
    const publicKey = publicKeyOf(final.iface.privateKey ?? '');
    rotated.set(id, { ...host, publicKey });
    results.push(await holdsKeys(id, host, publicKey, final.peers.map((p) => p.publicKey)));
  }
  await warmUp(ctx.tunnels, rotated);
  for (const r of await checkHandshakes(ctx.tunnels, rotated)) results.push({ ...r, group: 'rotation', label: `after rotation: ${r.label}` });
  for (const f of ctx.flows) {
    const r = await runFlow(f, ctx.nsOf);
    results.push({ ...r, group: 'rotation', label: `after rotation: ${r.label}` });
  }
  return results;
}

/** The interface's own public key and its peers' are exactly those of the final config: no old key is left. */
async function holdsKeys(id: string, host: LabHost, publicKey: string, peers: readonly string[]): Promise<CheckResult> {
  const own = (await onHost(host.deployed, 'wg', ['show', 'wg0', 'public-key'])).stdout.trim();
  const held = (await onHost(host.deployed, 'wg', ['show', 'wg0', 'peers'])).stdout.trim().split('\n').filter(Boolean).sort();
  const want = [...peers].sort();
  const ok = own === publicKey && own !== host.publicKey && held.join() === want.join();
  return {
    group: 'rotation',
    label: `${id} holds only its new key and its peers' new keys`,
    ok,
    detail: ok ? `${held.length} peers, all new` : `own key ${own === publicKey ? 'new' : 'NOT the new one'}; peers held ${held.length}, expected ${want.length}${held.some((k) => !want.includes(k)) ? ', some old' : ''}`,
  };
}
