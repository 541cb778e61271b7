import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { basename } from 'node:path';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { trackPid } from '../../src/cli/prove/leftovers';
import { stopChild } from '../../src/cli/prove/stop-child';
import { must } from '../../src/cli/prove/netns';
import type { ProbeResult } from './probes';
import { runCommand } from '../../src/cli/prove/run-command';

/** A running `redis-server`; `stop` is SIGTERM (no save: `--save ''`), then SIGKILL after 5 s. */
export interface RedisServer {
  label: string;
  process: ChildProcess;
  dir: string;
}

/** Where one server listens. `name` (its host id) names its working directory: see `redisName`. */
export interface RedisListen {
  addresses: readonly string[];
  /** Failover addresses the host may not hold yet: bound anyway (ip_nonlocal_bind), served once they arrive. */
  floating: readonly string[];
  port: number;
  name: string;
}

/** Milliseconds a redis-cli call may take: it has no connect timeout of its own, and a dropped SYN waits minutes. */
const CLI_TIMEOUT_MS = 3000;

/**
 * Starts `redis-server` inside a namespace on the given addresses only (start it after wg0 is up), and waits until
 * it answers PING. No persistence, no protected mode (the lab sets no password; the firewall is what is tested),
 * and diskless full syncs without Redis 7's 5 s wait for more replicas, so a REPLICAOF links up in well under a second.
 */
export async function startRedis(ns: string, dir: string, on: RedisListen): Promise<RedisServer> {
  const { addresses, port } = on;
  const label = `redis-server ${on.name} on ${addresses.join(',')}:${port}`;
  if (on.floating.length > 0) {
    await must(runCommand('ip', ['netns', 'exec', ns, 'sysctl', '-q', '-w', 'net.ipv4.ip_nonlocal_bind=1', 'net.ipv6.ip_nonlocal_bind=1']), `${ns}: nonlocal bind`);
  }
  mkdirSync(dir, { recursive: true });
  const log = openSync(`${dir}.log`, 'a');
  const child = spawn('ip', ['netns', 'exec', ns, 'redis-server', '--bind', ...addresses, ...on.floating, '--port', String(port),
    '--protected-mode', 'no', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir,
    '--repl-diskless-sync', 'yes', '--repl-diskless-sync-delay', '0'], { stdio: ['ignore', log, log] });
  closeSync(log);
  // `ip netns exec` execs, so the child's PID is redis-server's.
  trackPid(child.pid, 'redis-server');
  const server = { label, process: child, dir };
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (child.exitCode !== null) break;
    const r = await redisPing(ns, addresses[0] ?? '', port);
    if (r.ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopRedis(server);
  throw new Error(`${label}: redis-server did not start (log: ${dir}.log)`);
}

export async function stopRedis(s: RedisServer): Promise<void> {
  await stopChild(s.process, 'SIGTERM', 5000);
}

/** One command through `redis-cli -e` (an error reply fails it); `detail` is its raw answer, or the error. */
export async function redisCli(ns: string, address: string, port: number, args: readonly string[]): Promise<ProbeResult> {
  const r = await runCommand('ip', ['netns', 'exec', ns, 'redis-cli', '-e', '-h', address, '-p', String(port), ...args], '', CLI_TIMEOUT_MS);
  if (r.code === 0) return { ok: true, detail: r.stdout.trim() };
  const why = `${r.stderr.trim()}\n${r.stdout.trim()}`.trim().split('\n')[0];
  return { ok: false, detail: why || `exit ${r.code}` };
}

/** A real command: `redis-cli PING` must answer PONG. */
export async function redisPing(ns: string, address: string, port: number): Promise<ProbeResult> {
  const r = await redisCli(ns, address, port, ['PING']);
  const ok = r.ok && r.detail === 'PONG';
  return { ok, detail: ok ? 'PING = PONG' : r.detail };
}

/**
 * Which server answered at `address`: Redis has no cluster_name, so each server's working directory is named after
 * its host (`<work>/redis/<host id>`) and `CONFIG GET dir` tells them apart, as `show cluster_name` does for PostgreSQL.
 */
export async function redisName(ns: string, address: string, port: number): Promise<ProbeResult> {
  const r = await redisCli(ns, address, port, ['CONFIG', 'GET', 'dir']);
  return r.ok ? { ok: true, detail: basename(r.detail.split('\n').at(-1) ?? '') } : r;
}
