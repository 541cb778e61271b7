import type { ChildProcess } from 'node:child_process';
import type { Server } from './expectations';
import type { PgServer } from './postgres';
import { reloadHba, startPostgres, stopPostgres } from './postgres';
import type { RedisServer } from './redis';
import type { MariadbServer } from './mariadb';
import { startMariadb, stopMariadb } from './mariadb';
import { startRedis, stopRedis } from './redis';
import { startTcpListener } from '../../src/cli/prove/tcp-listener';

/** The database and listener processes of one design, stopped by PID at teardown. */
export class LabServers {
  private readonly pg: Array<{ server: PgServer; spec: Server }> = [];
  private readonly redis: RedisServer[] = [];
  private readonly mariadb: MariadbServer[] = [];
  private readonly tcp: ChildProcess[] = [];

  constructor(private readonly template: string, private readonly workDir: string) {}

  /**
   * Starts one server: PostgreSQL on every address at once (with `hba`, the bundle's pg_hba.conf of a database
   * host), Redis and MariaDB likewise (their directory `<engine>/<host id>`), a listener per address otherwise.
   */
  async start(s: Server, ns: string, hba: string | null): Promise<void> {
    if (s.kind === 'postgresql') {
      const n = this.pg.length;
      const server = await startPostgres(ns, this.template, `${this.workDir}/pg-${n}`, { addresses: s.addresses, floating: s.floating, port: s.port, name: s.name, hba });
      this.pg.push({ server, spec: s });
      return;
    }
    if (s.kind === 'redis') {
      this.redis.push(await startRedis(ns, `${this.workDir}/redis/${s.name}`, { addresses: s.addresses, floating: s.floating, port: s.port, name: s.name }));
      return;
    }
    if (s.kind === 'mariadb') {
      // Replicas need distinct server ids: 1, 2, ... in start order.
      const serverId = this.mariadb.length + 1;
      this.mariadb.push(await startMariadb(ns, `${this.workDir}/mariadb/${s.name}`, { addresses: s.addresses, floating: s.floating, port: s.port, name: s.name, serverId }));
      return;
    }
    for (const a of s.addresses) this.tcp.push(await startTcpListener(ns, a, s.port));
  }

  /** Gives every database host's server the pg_hba.conf `hbaOf` finds for it now (a new bundle's), and reloads it. */
  async reloadHba(hbaOf: (s: Server) => string | null): Promise<void> {
    for (const { server, spec } of this.pg) {
      const hba = hbaOf(spec);
      if (hba !== null) reloadHba(server, hba);
    }
    // The postmaster re-reads pg_hba.conf on SIGHUP, between connections: give it a moment.
    await new Promise((r) => setTimeout(r, 300));
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.pg.map((p) => stopPostgres(p.server)), ...this.redis.map(stopRedis), ...this.mariadb.map(stopMariadb)]);
    for (const c of this.tcp) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    this.pg.length = 0;
    this.redis.length = 0;
    this.mariadb.length = 0;
    this.tcp.length = 0;
  }
}
