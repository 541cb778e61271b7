import { mkdirSync } from 'node:fs';
import type { LabBundle } from './bundle';
import { deployHost, onHost, tail } from '../../src/cli/prove/deploy-host';
import type { TunnelCheck } from './expectations';
import { warmUp } from './handshakes';
import type { LabHost } from './handshakes';
import { commOf, pidsIn, sleep } from '../../src/cli/prove/netns';
import { runCommand } from '../../src/cli/prove/run-command';
import type { CheckResult } from './results';

/** The design the lab runs the drift check on: it needs four hosts with tunnels, one of them without a database. */
export const DRIFT_DESIGN = 'hub-and-spoke';

interface DriftContext {
  cli: string;
  workDir: string;
  bundle: LabBundle;
  hosts: Map<string, LabHost>;
  tunnels: readonly TunnelCheck[];
}

/** A finding as the check compares it: host, what, peer (the CLI's --json gives more). */
type Seen = [string, string, string | null];

/**
 * `wg-designer drift` against the running design: every host's collect.sh, then the CLI must see no drift. Then four
 * changes are made live, on four hosts: a peer removed (`wg set ... peer X remove`), a peer's AllowedIPs changed,
 * the firewall table deleted, and an app host's interface stopped (`wg-quick down`); drift must report exactly
 * those four. The hosts are then put back (`wg syncconf` from wg0.conf, `nft -f` of the installed file, install.sh
 * for the stopped host) and drift must see none again, so the checks after this one run on the network as designed.
 */
export async function checkDrift(ctx: DriftContext, log: (s: string) => void): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const result = (label: string, ok: boolean, detail: string) => results.push({ group: 'drift', label, ok, detail });
  const design = ctx.bundle.design;
  const withTunnels = design.hosts.filter((h) => !h.external && design.tunnels.some((t) => t.a === h.id || t.b === h.id));
  const stopped = [...withTunnels].reverse().find((h) => (h.role === 'app' || h.role === 'client') && !h.database);
  const others = withTunnels.filter((h) => h !== stopped).slice(0, 3);
  const [removes, rewrites, unfirewalled] = others;
  if (!stopped || !removes || !rewrites || !unfirewalled) throw new Error(`${DRIFT_DESIGN}: the drift check needs four hosts with tunnels, one an app host`);
  const peerOf = (id: string) => {
    const t = design.tunnels.find((x) => x.a === id || x.b === id);
    return t?.a === id ? t.b : t?.a ?? '';
  };
  const keyOf = (id: string) => ctx.hosts.get(id)?.publicKey ?? '';
  const down = new Set<string>();

  await warmUp(ctx.tunnels, ctx.hosts);
  const clean = await drift(ctx, 'drift-clean', down);
  result('as deployed: no drift', clean.code === 0 && clean.seen.length === 0, clean.detail);

  const host = (id: string) => {
    const h = ctx.hosts.get(id);
    if (!h) throw new Error(`drift check: no host ${id}`);
    return h.deployed;
  };
  const changes: Array<[string, Promise<{ code: number | null; stdout: string; stderr: string }>]> = [
    [`${removes.id}: wg set wg0 peer <${peerOf(removes.id)}> remove`, onHost(host(removes.id), 'wg', ['set', 'wg0', 'peer', keyOf(peerOf(removes.id)), 'remove'])],
    [`${rewrites.id}: wg set wg0 peer <${peerOf(rewrites.id)}> allowed-ips 192.0.2.99/32`, onHost(host(rewrites.id), 'wg', ['set', 'wg0', 'peer', keyOf(peerOf(rewrites.id)), 'allowed-ips', '192.0.2.99/32'])],
    [`${unfirewalled.id}: nft delete table inet wg_designer`, onHost(host(unfirewalled.id), 'nft', ['delete', 'table', 'inet', 'wg_designer'])],
    [`${stopped.id}: wg-quick down wg0`, onHost(host(stopped.id), 'wg-quick', ['down', 'wg0'])],
  ];
  for (const [what, run] of changes) {
    const r = await run;
    if (r.code !== 0) throw new Error(`drift check: ${what} failed: ${tail(r.stdout + r.stderr)}`);
  }
  down.add(stopped.id);
  log(`drift: changed live: ${changes.map(([w]) => w).join('; ')}`);
  const expected: Seen[] = [
    [removes.id, 'peer-missing', peerOf(removes.id)],
    [rewrites.id, 'allowed-ips', peerOf(rewrites.id)],
    [unfirewalled.id, 'firewall-missing', null],
    [stopped.id, 'interface-missing', null],
  ];
  const changed = await drift(ctx, 'drift-changed', down);
  const same = changed.code === 1 && JSON.stringify(sorted(changed.seen)) === JSON.stringify(sorted(expected));
  result('four live changes: drift reports exactly those', same,
    same ? changed.detail : `expected ${JSON.stringify(sorted(expected))}, exit 1; got exit ${changed.code}: ${changed.detail}`);

  await restore(ctx, [removes.id, rewrites.id], unfirewalled.id, stopped.id, down);
  await warmUp(ctx.tunnels, ctx.hosts);
  const back = await drift(ctx, 'drift-restored', down);
  result('put back: no drift', back.code === 0 && back.seen.length === 0, back.detail);
  return results;
}

function sorted(list: readonly Seen[]): Seen[] {
  return [...list].sort((a, b) => a.join('|').localeCompare(b.join('|')));
}

/** Runs every host's collect.sh into `<workDir>/<round>/<host>` and the CLI's drift on that folder. */
async function drift(ctx: DriftContext, round: string, down: ReadonlySet<string>): Promise<{ code: number | null; seen: Seen[]; detail: string }> {
  const root = `${ctx.workDir}/${round}`;
  mkdirSync(root, { recursive: true });
  for (const [id, h] of ctx.hosts) {
    const script = `${ctx.bundle.hosts.get(id)?.folder}/collect.sh`;
    // A stopped host has no wireguard-go, whose mount namespace held its /run: collect.sh runs with an empty one.
    const r = down.has(id)
      ? await runCommand('ip', ['netns', 'exec', h.deployed.ns, 'unshare', '-m', '--propagation', 'private', 'sh', '-c',
        'mount -t tmpfs wgd-lab /run && exec "$0" "$1"', script, `${root}/${id}`])
      : await onHost(h.deployed, script, [`${root}/${id}`]);
    if (r.code !== 0) throw new Error(`${id}: collect.sh failed (exit ${r.code}): ${tail(r.stdout + r.stderr)}`);
  }
  const r = await runCommand('node', [ctx.cli, 'drift', ctx.bundle.designPath, '--live', root, '--json'], '', 30_000);
  if (r.code !== 0 && r.code !== 1) return { code: r.code, seen: [], detail: `drift exit ${r.code}: ${r.stderr.trim()}` };
  const out = JSON.parse(r.stdout) as { findings: Array<{ host: string; what: string; peer: string | null; expected: string; actual: string }> };
  const seen = out.findings.map((f): Seen => [f.host, f.what, f.peer]);
  const detail = out.findings.length === 0 ? 'no drift' : out.findings.map((f) => `${f.host} ${f.what}${f.peer ? ` (${f.peer})` : ''}: ${f.actual}`).join('; ');
  return { code: r.code, seen, detail };
}

async function restore(ctx: DriftContext, synced: string[], unfirewalled: string, stopped: string, down: Set<string>): Promise<void> {
  for (const id of synced) {
    const h = ctx.hosts.get(id);
    if (!h) continue;
    const r = await onHost(h.deployed, 'bash', ['-c', 'wg syncconf wg0 <(wg-quick strip /etc/wireguard/wg0.conf)']);
    if (r.code !== 0) throw new Error(`${id}: wg syncconf failed: ${tail(r.stdout + r.stderr)}`);
  }
  const fw = ctx.hosts.get(unfirewalled);
  if (fw) {
    const r = await onHost(fw.deployed, 'nft', ['-f', '/etc/wg-designer/firewall.nft']);
    if (r.code !== 0) throw new Error(`${unfirewalled}: nft -f failed: ${tail(r.stdout + r.stderr)}`);
  }
  const h = ctx.hosts.get(stopped);
  const folder = ctx.bundle.hosts.get(stopped)?.folder;
  if (!h || !folder) return;
  // wg-quick down deleted wg0; wireguard-go exits with it. install.sh then brings a new one up, as on a real host.
  for (let i = 0; i < 50 && (await pidsIn(h.deployed.ns)).some((p) => commOf(p) === 'wireguard-go'); i++) await sleep(100);
  const deployed = await deployHost(stopped, h.deployed.ns, folder, ctx.workDir);
  ctx.hosts.set(stopped, { ...h, deployed });
  down.delete(stopped);
}
