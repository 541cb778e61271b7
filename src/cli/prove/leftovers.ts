import { alive, commOf } from './netns';
import { runCommand } from './run-command';

/** Every process the lab (or prove) started or found it had started (wireguard-go daemons), by PID. */
const tracked = new Map<number, string>();

export function trackPid(pid: number | undefined, what: string): void {
  if (pid !== undefined) tracked.set(pid, what);
}

/**
 * What this run left behind: namespaces with its tag, and tracked processes still running under the same name
 * (a PID reused by someone else's process is not ours, so the command name must match too).
 */
export async function leftovers(tag: string, prefix: string): Promise<string[]> {
  const list = await runCommand('ip', ['netns', 'list']);
  const namespaces = list.stdout.split('\n').map((l) => l.split(' ')[0] ?? '').filter((n) => n.startsWith(`${prefix}${tag}-`));
  const processes = [...tracked].filter(([pid, what]) => alive(pid) && (commOf(pid) ?? '').startsWith(what.split(' ')[0] ?? ''));
  return [...namespaces.map((n) => `namespace ${n}`), ...processes.map(([pid, what]) => `process ${pid} (${what})`)];
}
