import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chownSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NetnsHost } from './wg-netns-host.node';

/** Debian's newest PostgreSQL server binaries; the suite's system-deps.sh installs them. */
export function pgBin(): string {
  const majors = readdirSync('/usr/lib/postgresql').filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
  return `/usr/lib/postgresql/${majors[0]}/bin`;
}

/** Runs the rest of a shell command as Debian's postgres user: the server refuses to run as root. */
export const AS_POSTGRES = 'setpriv --reuid=postgres --regid=postgres --init-groups --';

/**
 * A throwaway PostgreSQL in `host`'s namespaces, data in `dir` (made postgres's), listening on `address`:5432 and
 * trusting every TCP client (a latency lab, no secrets). Returns its process once it answers; the caller kills it.
 */
export async function startPostgres(host: NetnsHost, dir: string, address: string): Promise<ChildProcess> {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  chownSync(dir, id('-u'), id('-g'));
  const data = join(dir, 'data');
  const init = spawnSync('bash', ['-c', `${AS_POSTGRES} ${pgBin()}/initdb -D ${data} -A trust -U postgres --no-sync --no-instructions -E UTF8 --locale=C`], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb: ${init.stderr}`);
  writeFileSync(join(data, 'pg_hba.conf'), 'local all postgres trust\nhost all all 0.0.0.0/0 trust\n');
  writeFileSync(join(data, 'postgresql.auto.conf'), `listen_addresses = '${address}'\nunix_socket_directories = '${dir}'\nfsync = off\nshared_buffers = 8MB\nmax_connections = 10\n`);
  const postgres = host.spawn(`${AS_POSTGRES} ${pgBin()}/postgres -D ${data}`);
  for (let i = 0; i < 75; i++) {
    if (host.run(`${pgBin()}/pg_isready -q -h ${address} -p 5432 -t 1`).ok) return postgres;
    await new Promise((r) => setTimeout(r, 200));
  }
  postgres.kill('SIGKILL');
  throw new Error('postgres did not start');
}
