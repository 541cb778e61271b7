import type { ChildProcess } from 'node:child_process';

/**
 * Stops a process we started (a lab server, a listener): `signal` (its clean shutdown), then SIGKILL if it has not exited after
 * `killAfterMs`. Resolves once it has exited; nothing to do when it never started (no PID) or has already exited.
 */
export async function stopChild(p: ChildProcess, signal: NodeJS.Signals, killAfterMs: number): Promise<void> {
  if (p.pid === undefined || p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
  p.kill(signal);
  const timer = setTimeout(() => p.kill('SIGKILL'), killAfterMs);
  await exited;
  clearTimeout(timer);
}
