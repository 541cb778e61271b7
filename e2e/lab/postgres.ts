import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { trackPid } from '../../src/cli/prove/leftovers';
import { stopChild } from '../../src/cli/prove/stop-child';
import { must } from '../../src/cli/prove/netns';
import { runCommand } from '../../src/cli/prove/run-command';

/** The lab runs PostgreSQL as Debian's `postgres` user: the server refuses to run as root. */
const RUN_AS = ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups', '--'];

/** The newest server Debian installed (/usr/lib/postgresql/<major>/bin). */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = majors.map((m) => `${root}/${m}/bin`).find((b) => existsSync(`${b}/postgres`));
  if (!bin) throw new Error('PostgreSQL server binaries are missing (apt-get install postgresql; scripts/system-deps.sh)');
  return bin;
}

/** The lab's superuser password: the bundle's pg_hba.conf lines ask for scram-sha-256 over TLS. */
export const LAB_PG_PASSWORD = 'lab-secret';

/**
 * One `initdb` per lab run, copied for every server, with a self-signed certificate (`ssl=on`) and a password for
 * `postgres`. Its pg_hba.conf trusts everyone: a database host gets its bundle's pg_hba.conf instead (startPostgres),
 * a managed service in a lan keeps this one. Small buffers, no fsync: a test server.
 */
export async function makeTemplate(workDir: string): Promise<string> {
  const dir = `${workDir}/pg-template`;
  mkdirSync(dir, { mode: 0o700 });
  chownSync(dir, postgresUid(), postgresGid());
  const pwfile = `${workDir}/pg-password`;
  writeFileSync(pwfile, `${LAB_PG_PASSWORD}\n`, { mode: 0o644 });
  await must(runCommand(RUN_AS[0] as string, [...RUN_AS.slice(1), `${postgresBin()}/initdb`, '-D', dir, '-A', 'trust',
    '-U', 'postgres', `--pwfile=${pwfile}`, '--no-sync', '--no-instructions', '-E', 'UTF8', '--locale=C'], '', 60_000), 'initdb');
  appendFileSync(`${dir}/pg_hba.conf`, 'host all all 0.0.0.0/0 trust\nhost all all ::/0 trust\n');
  await must(runCommand('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=wg-designer-lab',
    '-keyout', `${dir}/server.key`, '-out', `${dir}/server.crt`], '', 60_000), 'openssl: the lab\'s server certificate');
  for (const f of ['server.key', 'server.crt']) {
    chmodSync(`${dir}/${f}`, 0o600);
    chownSync(`${dir}/${f}`, postgresUid(), postgresGid());
  }
  return dir;
}

/** A running server; `stop` is a fast shutdown (SIGINT), then SIGKILL after 5 s. */
export interface PgServer {
  label: string;
  process: ChildProcess;
  dataDir: string;
}

/** Where one server listens, and the cluster_name it answers `show cluster_name` with. */
export interface PgListen {
  addresses: readonly string[];
  /** Failover addresses the host may not hold yet: bound anyway (ip_nonlocal_bind), served once they arrive. */
  floating: readonly string[];
  port: number;
  name: string;
  /**
   * The bundle's `database/pg_hba.conf` of a database host: then it is the server's whole pg_hba.conf, after one
   * `local` line for the lab's own unix-socket use, so every TCP connection is PostgreSQL's decision from those lines.
   */
  hba: string | null;
}

/**
 * Starts `postgres` inside a namespace, listening on the given addresses only (they must exist: start it after
 * wg0 is up), and waits until it accepts connections.
 */
export async function startPostgres(ns: string, template: string, dataDir: string, on: PgListen): Promise<PgServer> {
  const { addresses, port } = on;
  const label = `postgres ${on.name} on ${addresses.join(',')}:${port}`;
  if (on.floating.length > 0) {
    await must(runCommand('ip', ['netns', 'exec', ns, 'sysctl', '-q', '-w', 'net.ipv4.ip_nonlocal_bind=1', 'net.ipv6.ip_nonlocal_bind=1']), `${ns}: nonlocal bind`);
  }
  await must(runCommand('cp', ['-a', template, dataDir]), 'cp pg template');
  chmodSync(dataDir, 0o700);
  if (on.hba !== null) writeFileSync(`${dataDir}/pg_hba.conf`, `local all postgres trust\n${on.hba}`);
  const log = openSync(`${dataDir}.log`, 'a');
  const child = spawn('ip', ['netns', 'exec', ns, ...RUN_AS, `${postgresBin()}/postgres`, '-D', dataDir,
    '-c', `listen_addresses=${[...addresses, ...on.floating].join(',')}`, '-c', `port=${port}`, '-c', `unix_socket_directories=${dataDir}`,
    '-c', `cluster_name=${on.name.replace(/[^a-z0-9-]/g, '-')}`, '-c', 'ssl=on',
    '-c', 'shared_buffers=8MB', '-c', 'max_connections=10', '-c', 'fsync=off', '-c', 'synchronous_commit=off',
    '-c', 'max_wal_senders=0', '-c', 'wal_level=minimal', '-c', 'autovacuum=off'], { stdio: ['ignore', log, log] });
  closeSync(log);
  // `ip netns exec` and setpriv exec, so the child's PID is the postmaster's.
  trackPid(child.pid, 'postgres');
  const server = { label, process: child, dataDir };
  for (let waited = 0; waited < 15_000; waited += 200) {
    if (child.exitCode !== null) break;
    const ready = await runCommand('ip', ['netns', 'exec', ns, `${postgresBin()}/pg_isready`, '-q', '-h', addresses[0] ?? '', '-p', String(port), '-t', '1']);
    if (ready.code === 0) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  await stopPostgres(server);
  throw new Error(`${label}: postgres did not start on ${addresses.join(', ')}:${port} (log: ${dataDir}.log)`);
}

/**
 * Replaces a running server's pg_hba.conf with a bundle's lines (as startPostgres writes it) and reloads it, as the
 * bundle's file tells the operator to (`SELECT pg_reload_conf()` is a SIGHUP to the postmaster).
 */
export function reloadHba(s: PgServer, hba: string): void {
  writeFileSync(`${s.dataDir}/pg_hba.conf`, `local all postgres trust\n${hba}`);
  s.process.kill('SIGHUP');
}

export async function stopPostgres(s: PgServer): Promise<void> {
  await stopChild(s.process, 'SIGINT', 5000);
}

function postgresUid(): number {
  return idOf('-u');
}

function postgresGid(): number {
  return idOf('-g');
}

function idOf(flag: string): number {
  // Debian's postgresql package creates the user; its ids differ between machines.
  const r = execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const n = Number(r.trim());
  if (!Number.isInteger(n) || r.trim() === '') throw new Error('there is no postgres user (apt-get install postgresql)');
  return n;
}
