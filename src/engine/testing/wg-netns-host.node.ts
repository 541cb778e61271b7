import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { formatPrefix } from '../net';
import type { HostPlan } from '../plan/types';

/**
 * A throwaway host for tests on real WireGuard: its own network namespace and, through `unshare -m`, its own
 * /run/wireguard and a copy-on-write /etc (overlayfs), so every host can call its interface wg0 as the bundles do
 * and the scripts under test write /etc/wireguard and /etc/wg-designer without touching the machine's. Commands
 * run in both namespaces with nsenter. `stop()` kills the wireguard-go it started (by PID), deletes its
 * namespace and its overlay folder.
 */
export class NetnsHost {
  private proc: ChildProcess | null = null;
  private readonly overlay = mkdtempSync(join(tmpdir(), 'wgd-host-'));

  constructor(readonly netns: string) {}

  /**
   * Creates the namespace and starts wireguard-go for wg0 in the foreground, so its PID is ours; with
   * `{ wg0: false }` a `sleep` holds the mounts instead and the host has no wg0 until a script makes one.
   */
  async start(options: { wg0: boolean } = { wg0: true }): Promise<void> {
    must('ip', ['netns', 'add', this.netns]);
    must('ip', ['-n', this.netns, 'link', 'set', 'lo', 'up']);
    const [upper, work] = [join(this.overlay, 'upper'), join(this.overlay, 'work')];
    mkdirSync(upper);
    mkdirSync(work);
    this.proc = spawn('ip', ['netns', 'exec', this.netns, 'unshare', '-m', '--propagation', 'private', 'sh', '-c',
      `mkdir -p /run/wireguard && mount -t tmpfs tmpfs /run/wireguard && mount -t overlay overlay -o lowerdir=/etc,upperdir=${upper},workdir=${work} /etc && mkdir -p /etc/wireguard && exec ${options.wg0 ? 'env WG_PROCESS_FOREGROUND=1 wireguard-go wg0' : 'sleep infinity'}`],
    { stdio: 'ignore' });
    if (!options.wg0) {
      for (let i = 0; i < 100; i++) {
        if (this.run('mountpoint -q /run/wireguard').ok) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`${this.netns}: the private mounts did not appear`);
    }
    for (let i = 0; i < 100; i++) {
      if (this.run('ip link show wg0').ok) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${this.netns}: wireguard-go did not create wg0`);
  }

  /** Runs a bash command inside the host's network and mount namespaces. */
  run(command: string, input?: string): { ok: boolean; out: string } {
    if (!this.proc?.pid) return { ok: false, out: 'not started' };
    const r = spawnSync('nsenter', ['-t', String(this.proc.pid), '-m', '-n', 'bash', '-c', command], { input, encoding: 'utf8' });
    return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
  }

  /** Starts a command in the host's namespaces without waiting for it (a probe); the caller stops it by its PID. */
  spawn(command: string): ChildProcess {
    if (!this.proc?.pid) throw new Error(`${this.netns}: not started`);
    return spawn('nsenter', ['-t', String(this.proc.pid), '-m', '-n', 'bash', '-c', `exec ${command}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Brings wg0 up from a rendered config the way wg-quick does (config, addresses, MTU, a route per AllowedIPs). */
  up(hp: HostPlan, conf: string): { ok: boolean; out: string } {
    const steps = [
      'cat > /etc/wireguard/wg0.conf && chmod 600 /etc/wireguard/wg0.conf',
      'wg setconf wg0 <(wg-quick strip /etc/wireguard/wg0.conf)',
      ...hp.addresses.map((a) => `ip address add ${formatPrefix(a)} dev wg0`),
      `ip link set wg0 mtu ${hp.mtu} up`,
      ...hp.peers.flatMap((p) => p.allowedIPs.map((a) => `ip route replace ${formatPrefix(a)} dev wg0`)),
    ];
    return this.run(steps.join(' && '), conf);
  }

  /** Pings until a reply or `tries` attempts of 2 s: a first handshake may wait for WireGuard's 5 s retry. */
  ping(address: string, tries = 8): boolean {
    for (let i = 0; i < tries; i++) if (this.run(`ping -c 1 -W 2 ${address}`).ok) return true;
    return false;
  }

  /**
   * Stops what this host started: its wireguard-go (or sleep) by PID, any process left in its namespace (a
   * wireguard-go that `wg-quick up` daemonized there) by PID, then the namespace.
   */
  stop(): void {
    if (this.proc?.pid && this.proc.exitCode === null) this.proc.kill('SIGKILL');
    const left = spawnSync('ip', ['netns', 'pids', this.netns], { encoding: 'utf8' }).stdout ?? '';
    for (const pid of left.split('\n').map(Number).filter((n) => n > 0)) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    spawnSync('ip', ['netns', 'delete', this.netns]);
    rmSync(this.overlay, { recursive: true, force: true });
  }
}

/** Runs a command on the host and throws with its output when it fails. */
export function must(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error?.message || r.status}`);
}

/** Joins two hosts' namespaces with a veth pair named eth-<n> on each side, each end given its underlay address. */
export function link(a: NetnsHost, b: NetnsHost, ipA: string, ipB: string, n: number): void {
  const tmp = `wgdl${process.pid % 100000}x${n}`;
  must('ip', ['link', 'add', `${tmp}a`, 'netns', a.netns, 'type', 'veth', 'peer', 'name', `${tmp}b`, 'netns', b.netns]);
  for (const [host, end, mine, theirs] of [[a, 'a', ipA, ipB], [b, 'b', ipB, ipA]] as const) {
    const r = host.run(`ip link set ${tmp}${end} name eth${n} && ip address add ${mine}/32 dev eth${n} && ip link set eth${n} up && ip route add ${theirs}/32 dev eth${n}`);
    if (!r.ok) throw new Error(`${host.netns}: ${r.out}`);
  }
}
