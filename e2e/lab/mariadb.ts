import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { trackPid } from '../../src/cli/prove/leftovers';
import { stopChild } from '../../src/cli/prove/stop-child';
import { must } from '../../src/cli/prove/netns';
import type { ProbeResult } from './probes';
import { runCommand } from '../../src/cli/prove/run-command';

/** The lab's account on every MariaDB server, for clients and replicas alike (the firewall is what is tested). */
const LAB_USER = 'lab';
export const LAB_MARIADB_PASSWORD = 'lab-secret';

/** A running `mariadbd`; `stop` is SIGTERM (a clean shutdown), then SIGKILL after 10 s. */
export interface MariadbServer {
  label: string;
  process: ChildProcess;
  dir: string;
}

/** Where one server listens; `name` (its host id) is its report_host, and `serverId` must differ per server. */
export interface MariadbListen {
  addresses: readonly string[];
  /** Failover addresses the host may not hold yet: bound anyway (ip_nonlocal_bind), served once they arrive. */
  floating: readonly string[];
  port: number;
  name: string;
  serverId: number;
}

/** Seconds a client waits to connect: a dropped SYN would otherwise wait for TCP's own timeout. */
const CONNECT_TIMEOUT_S = 3;

/**
 * Creates a data directory (`mariadb-install-db`, half a second) and starts `mariadbd` as root inside a namespace
 * on the given addresses (MariaDB 10.11 takes a list), with a binary log and log_slave_updates, so either member can
 * be the primary of the other: after a promotion, the old primary finds its own transactions in the new primary's
 * log (GTID). The init file creates the lab's account outside the binary log, so a replica never replays it.
 */
export async function startMariadb(ns: string, dir: string, on: MariadbListen): Promise<MariadbServer> {
  const { addresses, port } = on;
  const label = `mariadbd ${on.name} on ${addresses.join(',')}:${port}`;
  if (on.floating.length > 0) {
    await must(runCommand('ip', ['netns', 'exec', ns, 'sysctl', '-q', '-w', 'net.ipv4.ip_nonlocal_bind=1', 'net.ipv6.ip_nonlocal_bind=1']), `${ns}: nonlocal bind`);
  }
  mkdirSync(dir, { recursive: true });
  await must(runCommand('mariadb-install-db', ['--no-defaults', '--user=root', `--datadir=${dir}/data`,
    '--auth-root-authentication-method=normal', '--skip-test-db'], '', 60_000), `${label}: mariadb-install-db`);
  writeFileSync(`${dir}/init.sql`, [
    'SET sql_log_bin = 0;',
    `CREATE USER IF NOT EXISTS '${LAB_USER}'@'%' IDENTIFIED BY '${LAB_MARIADB_PASSWORD}';`,
    `GRANT ALL PRIVILEGES ON *.* TO '${LAB_USER}'@'%';`,
    '',
  ].join('\n'));
  const child = spawn('ip', ['netns', 'exec', ns, 'mariadbd', '--no-defaults', '--user=root', `--datadir=${dir}/data`,
    `--socket=${dir}/mysqld.sock`, `--pid-file=${dir}/mysqld.pid`, `--log-error=${dir}.err`,
    `--bind-address=${[...addresses, ...on.floating].join(',')}`, `--port=${port}`, `--server-id=${on.serverId}`,
    `--report-host=${on.name}`, `--log-bin=${dir}/binlog`, '--log-slave-updates', '--skip-name-resolve',
    `--init-file=${dir}/init.sql`, '--innodb-buffer-pool-size=16M'], { stdio: 'ignore' });
  // `ip netns exec` execs, so the child's PID is mariadbd's.
  trackPid(child.pid, 'mariadbd');
  const server = { label, process: child, dir };
  for (let waited = 0; waited < 20_000; waited += 200) {
    if (child.exitCode !== null) break;
    const r = await mariadbName(ns, addresses[0] ?? '', port);
    if (r.ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopMariadb(server);
  throw new Error(`${label}: mariadbd did not start (log: ${dir}.err)`);
}

export async function stopMariadb(s: MariadbServer): Promise<void> {
  await stopChild(s.process, 'SIGTERM', 10_000);
}

/**
 * Statements through the `mariadb` client as the lab's user; `detail` is the batch output (tab-separated, with the
 * column names when `names`: `\G` output is then `name: value` lines), or the error.
 */
export async function mariadbSql(ns: string, address: string, port: number, sql: string, names = false): Promise<ProbeResult> {
  const r = await runCommand('ip', ['netns', 'exec', ns, 'env', `MYSQL_PWD=${LAB_MARIADB_PASSWORD}`, 'mariadb', '--no-defaults',
    `--connect-timeout=${CONNECT_TIMEOUT_S}`, '-h', address, '-P', String(port), '-u', LAB_USER, ...(names ? [] : ['-N']), '-B', '-e', sql], '', 15_000);
  return r.code === 0 ? { ok: true, detail: r.stdout.trim() } : { ok: false, detail: r.stderr.trim().split('\n')[0] ?? `exit ${r.code}` };
}

/** A real query: `select 1` must answer 1. */
export async function mariadbProbe(ns: string, address: string, port: number): Promise<ProbeResult> {
  const r = await mariadbSql(ns, address, port, 'select 1');
  const ok = r.ok && r.detail === '1';
  return { ok, detail: ok ? 'select 1 = 1' : r.detail };
}

/** Which server answered: its report_host, the host id it was started with. */
export function mariadbName(ns: string, address: string, port: number): Promise<ProbeResult> {
  return mariadbSql(ns, address, port, 'select @@report_host');
}
