import { mkdirSync } from 'node:fs';
import { trackPid } from './leftovers';
import { commOf, pidsIn } from './netns';
import { runCommand } from './run-command';
import type { CommandResult } from './run-command';

/** A host brought up from its bundle folder: its namespace and the wireguard-go that holds its wg0. */
export interface DeployedHost {
  id: string;
  ns: string;
  /** wireguard-go's PID: its mount namespace is the host's private /run and /etc. */
  wgPid: number;
}

/**
 * The script install.sh runs under (`sh -c <this> install <folder> <etc dir>`): mounts that give a host a private
 * /run (wireguard-go's UAPI socket goes to /run/wireguard, which every network namespace would otherwise share) and
 * a private /etc (an overlay: install.sh writes /etc/wireguard, /etc/wg-designer and /etc/sysctl.d as on a real
 * host, and the real /etc never changes). They last as long as a process uses them: the daemonized wireguard-go
 * does. Paths arrive as arguments, never inside the script text, so no path reaches the shell as code.
 */
export const INSTALL_SCRIPT = [
  'set -e',
  'mount -t tmpfs wgd-host /run',
  'mount -t overlay wgd-host -o "lowerdir=/etc,upperdir=$2/upper,workdir=$2/work" /etc',
  'cd "$1"',
  'exec ./install.sh --yes',
  '',
].join('\n');

/**
 * Runs the host's own `install.sh --yes` as an operator would on a host without systemd (WG_DESIGNER_NO_SYSTEMD=1,
 * so `wg-quick up wg0`), with wireguard-go as wg-quick's userspace implementation: there is no kernel module here.
 * `env` adds `NAME=value` settings (the secrets backends' identity files). Returns what install.sh printed.
 */
export async function runInstall(id: string, ns: string, folder: string, workDir: string, env: readonly string[] = []): Promise<CommandResult> {
  const etcDir = etcDirOf(workDir, id);
  // mount -o splits its options at commas: a work folder with one cannot be an overlay's upper dir.
  if (/[,:]/.test(etcDir)) throw new Error(`the work folder ${etcDir} has a comma or colon, which mount -o cannot take: set TMPDIR`);
  mkdirSync(`${etcDir}/upper`, { recursive: true });
  mkdirSync(`${etcDir}/work`, { recursive: true });
  return runCommand('ip', ['netns', 'exec', ns, 'env', 'WG_DESIGNER_NO_SYSTEMD=1',
    'WG_QUICK_USERSPACE_IMPLEMENTATION=wireguard-go', ...env, 'unshare', '-m', '--propagation', 'private',
    'sh', '-c', INSTALL_SCRIPT, 'install', folder, etcDir], '', 30_000);
}

/** The host's private /etc is an overlay: what install.sh wrote is in `<this>/upper`, as `/etc/...` on the host. */
export function etcDirOf(workDir: string, id: string): string {
  return `${workDir}/etc-${id}`;
}

/** `runInstall`, which must succeed and leave one wireguard-go: a bundle that does not install is an engine defect. */
export async function deployHost(id: string, ns: string, folder: string, workDir: string, env: readonly string[] = []): Promise<DeployedHost> {
  const r = await runInstall(id, ns, folder, workDir, env);
  if (r.code !== 0) throw new Error(`${id}: install.sh failed (exit ${r.code}):\n${tail(r.stdout + r.stderr)}`);
  const daemons = (await pidsIn(ns)).filter((p) => commOf(p) === 'wireguard-go');
  if (daemons.length !== 1 || daemons[0] === undefined) {
    throw new Error(`${id}: expected one wireguard-go in ${ns} after install.sh, found ${daemons.length}`);
  }
  trackPid(daemons[0], 'wireguard-go');
  return { id, ns, wgPid: daemons[0] };
}

/** Runs a command in the host's network and mount namespaces, where `wg` finds its wg0. */
export function onHost(host: DeployedHost, cmd: string, args: readonly string[], timeoutMs?: number): Promise<CommandResult> {
  return runCommand('nsenter', ['-t', String(host.wgPid), '-m', '-n', cmd, ...args], '', timeoutMs);
}

/** `wg show wg0 <what>` as a map of peer public key -> the value column. */
export async function wgShow(host: DeployedHost, what: 'latest-handshakes' | 'transfer'): Promise<Map<string, string>> {
  const r = await onHost(host, 'wg', ['show', 'wg0', what]);
  if (r.code !== 0) throw new Error(`${host.id}: wg show wg0 ${what}: ${r.stderr.trim()}`);
  return new Map(r.stdout.trim().split('\n').filter(Boolean).map((line) => {
    const [key = '', ...rest] = line.split('\t');
    return [key, rest.join('\t')];
  }));
}

/** The last lines of a command's output, for a failure's detail. */
export function tail(text: string): string {
  return text.trim().split('\n').slice(-15).join('\n');
}
