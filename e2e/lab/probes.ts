import { LAB_PG_PASSWORD } from './postgres';
import { WAIT_SECONDS } from '../../src/cli/prove/net-probes';
import type { ProbeResult } from '../../src/cli/prove/net-probes';
import { runCommand } from '../../src/cli/prove/run-command';

export { WAIT_SECONDS, pingProbe, tcpProbe } from '../../src/cli/prove/net-probes';
export type { ProbeResult } from '../../src/cli/prove/net-probes';

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

/** True when a failed ping failed for its size (local EMSGSIZE, or a router's "frag needed"/"packet too big"). */
export function failedForSize(r: ProbeResult): boolean {
  return !r.ok && /message too long|frag needed|packet too big|mtu/i.test(r.detail);
}

/** ICMP echo header plus IP header: payload = MTU - 28 on IPv4, MTU - 48 on IPv6. */
export function pingPayload(mtu: number, address: string): number {
  return mtu - (address.includes(':') ? 48 : 28);
}
