import { LAB_PG_PASSWORD } from './postgres';
import { runCommand } from './run-command';

/** What one probe saw. `ok` means connected (or the ping passed); `detail` says why not. */
export interface ProbeResult {
  ok: boolean;
  detail: string;
}

/** Seconds a probe waits for an answer: veth links answer in well under a millisecond. */
const WAIT_SECONDS = 2;

/** A TCP connection from a namespace: `nc -z` (connect, then close). */
export async function tcpProbe(ns: string, address: string, port: number): Promise<ProbeResult> {
  const r = await runCommand('ip', ['netns', 'exec', ns, 'nc', '-zn', '-w', String(WAIT_SECONDS), address, String(port)]);
  return { ok: r.code === 0, detail: r.code === 0 ? 'connected' : (r.stderr.trim() || `timed out after ${WAIT_SECONDS} s`) };
}

/** A real query: `psql -h <address> -c 'select 1'` must print 1. */
export async function psqlProbe(ns: string, address: string, port: number): Promise<ProbeResult> {
  const r = await psql(ns, address, port, 'select 1');
  const ok = r.ok && r.detail === '1';
  return { ok, detail: ok ? 'select 1 = 1' : r.detail };
}

/** One statement through psql; `detail` is its one-line answer, or the error. */
export async function psql(ns: string, address: string, port: number, sql: string): Promise<ProbeResult> {
  // TLS and a password, as the bundle's hostssl scram-sha-256 lines ask of every client.
  const r = await runCommand('ip', ['netns', 'exec', ns, 'env', `PGCONNECT_TIMEOUT=${WAIT_SECONDS + 1}`, 'PGSSLMODE=require',
    `PGPASSWORD=${LAB_PG_PASSWORD}`, 'psql', '-X', '-A', '-t', '-w',
    '-h', address, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-c', sql], '', 15_000);
  return r.code === 0
    ? { ok: true, detail: r.stdout.trim() }
    : { ok: false, detail: r.stderr.trim().split('\n')[0] ?? `exit ${r.code}` };
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

/** True when a failed ping failed for its size (local EMSGSIZE, or a router's "frag needed"/"packet too big"). */
export function failedForSize(r: ProbeResult): boolean {
  return !r.ok && /message too long|frag needed|packet too big|mtu/i.test(r.detail);
}

/** ICMP echo header plus IP header: payload = MTU - 28 on IPv4, MTU - 48 on IPv6. */
export function pingPayload(mtu: number, address: string): number {
  return mtu - (address.includes(':') ? 48 : 28);
}
