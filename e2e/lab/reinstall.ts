import type { DeployedHost } from '../../src/cli/prove/deploy-host';
import { wgShow } from '../../src/cli/prove/deploy-host';
import { trackPid } from '../../src/cli/prove/leftovers';
import { commOf, pidsIn } from '../../src/cli/prove/netns';
import { runCommand } from '../../src/cli/prove/run-command';

/** What `wg0` looks like from outside: the daemon that holds it, its interface index, each peer's last handshake. */
export interface Wg0State {
  wgPid: number;
  ifindex: string;
  handshakes: Map<string, string>;
}

/**
 * Runs a host's `install.sh --yes` from another bundle folder on the running host, in its own mount and network
 * namespaces, as an operator re-installing would. wg-quick may have replaced wireguard-go (a restart), so the
 * host is returned with whichever daemon holds wg0 now.
 */
export async function reinstallHost(host: DeployedHost, folder: string): Promise<DeployedHost> {
  const r = await runCommand('nsenter', ['-t', String(host.wgPid), '-m', '-n', 'env', 'WG_DESIGNER_NO_SYSTEMD=1',
    'WG_QUICK_USERSPACE_IMPLEMENTATION=wireguard-go', 'sh', '-c', 'cd "$1" && exec ./install.sh --yes', 'install', folder], '', 30_000);
  if (r.code !== 0) throw new Error(`${host.id}: re-install failed (exit ${r.code}):\n${(r.stdout + r.stderr).trim().split('\n').slice(-15).join('\n')}`);
  const daemons = (await pidsIn(host.ns)).filter((p) => commOf(p) === 'wireguard-go');
  if (daemons.length !== 1 || daemons[0] === undefined) throw new Error(`${host.id}: expected one wireguard-go after re-install, found ${daemons.length}`);
  trackPid(daemons[0], 'wireguard-go');
  return { ...host, wgPid: daemons[0] };
}

/** Reads wg0's daemon, interface index and handshakes, to tell afterwards whether anything restarted. */
export async function wg0State(host: DeployedHost): Promise<Wg0State> {
  const link = await runCommand('nsenter', ['-t', String(host.wgPid), '-n', 'cat', '/sys/class/net/wg0/ifindex']);
  return { wgPid: host.wgPid, ifindex: link.stdout.trim(), handshakes: await wgShow(host, 'latest-handshakes') };
}

/**
 * WireGuard renews a session that has carried traffic for 120 s (REKEY_AFTER_TIME) on its own: a handshake older
 * than this when the first reading was taken may renew during the re-install without anything having restarted.
 */
const REKEY_DUE_SECONDS = 100;

/**
 * What changed between two readings: empty when nothing restarted and no session was renewed. `takenAt` is the
 * first reading's time in Unix seconds; peers whose handshake was already due for WireGuard's own renewal then
 * are not held to it.
 */
export function restarts(before: Wg0State, after: Wg0State, takenAt: number): string[] {
  const out: string[] = [];
  if (before.wgPid !== after.wgPid) out.push(`wireguard-go restarted (pid ${before.wgPid} -> ${after.wgPid})`);
  if (before.ifindex !== after.ifindex) out.push(`wg0 was re-created (ifindex ${before.ifindex} -> ${after.ifindex})`);
  for (const [peer, at] of before.handshakes) {
    const now = after.handshakes.get(peer);
    if (now === at) continue;
    if (now !== undefined && takenAt - Number(at) > REKEY_DUE_SECONDS) continue;
    out.push(`peer ${peer.slice(0, 8)}... handshake ${at} -> ${now ?? 'gone'}`);
  }
  return out;
}
