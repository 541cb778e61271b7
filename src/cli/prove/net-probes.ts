import { runCommand } from './run-command';

/** What one probe saw. `ok` means connected (or the ping passed); `detail` says why not. */
export interface ProbeResult {
  ok: boolean;
  detail: string;
}

/** Seconds a probe waits for an answer: veth links answer in well under a millisecond. */
export const WAIT_SECONDS = 2;

/**
 * A TCP connection from a namespace: `nc -z` (connect, then close). A firewall that drops shows as a timeout, one
 * that rejects (or a closed port) as "refused": both are "not reached".
 */
export async function tcpProbe(ns: string, address: string, port: number, waitSeconds = WAIT_SECONDS): Promise<ProbeResult> {
  const r = await runCommand('ip', ['netns', 'exec', ns, 'nc', '-zn', '-w', String(waitSeconds), address, String(port)]);
  return { ok: r.code === 0, detail: r.code === 0 ? 'connected' : (r.stderr.trim() || `timed out after ${waitSeconds} s`) };
}

/** One `ping -M do` (don't fragment) of `size` payload bytes. */
export async function pingProbe(ns: string, address: string, size: number): Promise<ProbeResult> {
  const r = await runCommand('ip', ['netns', 'exec', ns, 'ping', '-n', '-c', '1', '-W', String(WAIT_SECONDS), '-M', 'do',
    '-s', String(size), address]);
  const text = `${r.stdout}\n${r.stderr}`;
  const lines = text.split('\n').map((l) => l.trim());
  // The reason line, not the statistics line ("+1 errors") that follows every failure.
  const error = lines.find((l) => /too long|frag needed|too big|unreachable/i.test(l)) ?? lines.find((l) => /^ping:/.test(l));
  return { ok: r.code === 0, detail: r.code === 0 ? 'reply' : (error ?? 'no reply') };
}
