import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { trackPid } from './leftovers';
import { runCommand } from './run-command';

/**
 * A plain TCP listener (`nc -lk`) where a probe needs something to answer that is not a database: the undeclared
 * port on a database host, another app host. Without one, a refused connection would look like a held denial.
 * Returns once a connection from inside the namespace itself (over loopback, past no firewall) succeeds.
 */
export async function startTcpListener(ns: string, address: string, port: number): Promise<ChildProcess> {
  const child = spawn('ip', ['netns', 'exec', ns, 'nc', '-dlkn', address, String(port)], { stdio: 'ignore' });
  trackPid(child.pid, 'nc');
  for (let waited = 0; waited < 5000; waited += 100) {
    if (child.exitCode !== null) break;
    const probe = await runCommand('ip', ['netns', 'exec', ns, 'nc', '-zn', '-w', '1', address, String(port)]);
    if (probe.code === 0) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${ns}: nc did not listen on ${address}:${port}`);
}
