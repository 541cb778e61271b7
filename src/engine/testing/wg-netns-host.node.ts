import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/**
 * A throwaway host for tests on real WireGuard: its own network namespace and, through `unshare -m`, its own
 * /run/wireguard and /etc/wireguard, so every host can call its interface wg0 as the bundles do. Commands run in
 * both namespaces with nsenter. `stop()` kills the wireguard-go it started (by PID) and deletes its namespace.
 */
export class NetnsHost {
  private proc: ChildProcess | null = null;

  constructor(readonly netns: string) {}

  /** Creates the namespace and starts wireguard-go for wg0 in the foreground, so its PID is ours. */
  async start(): Promise<void> {
    must('ip', ['netns', 'add', this.netns]);
    must('ip', ['-n', this.netns, 'link', 'set', 'lo', 'up']);
    this.proc = spawn('ip', ['netns', 'exec', this.netns, 'unshare', '-m', '--propagation', 'private', 'sh', '-c',
      'mount -t tmpfs tmpfs /run/wireguard && mount -t tmpfs tmpfs /etc/wireguard && exec env WG_PROCESS_FOREGROUND=1 wireguard-go wg0'],
    { stdio: 'ignore' });
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

  /** Stops what this host started: its wireguard-go by PID, then its namespace. */
  stop(): void {
    if (this.proc?.pid && this.proc.exitCode === null) this.proc.kill('SIGKILL');
    spawnSync('ip', ['netns', 'delete', this.netns]);
  }
}

/** Runs a command on the host and throws with its output when it fails. */
export function must(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error?.message || r.status}`);
}
