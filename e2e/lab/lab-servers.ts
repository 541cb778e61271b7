import type { ChildProcess } from 'node:child_process';
import type { Server } from './expectations';
import type { PgServer } from './postgres';
import { startPostgres, stopPostgres } from './postgres';
import { startTcpListener } from './tcp-listener';

/** The database and listener processes of one design, stopped by PID at teardown. */
export class LabServers {
  private readonly pg: PgServer[] = [];
  private readonly tcp: ChildProcess[] = [];

  constructor(private readonly template: string, private readonly workDir: string) {}

  /** Starts one server: PostgreSQL on every address at once, a listener per address otherwise. */
  async start(s: Server, ns: string): Promise<void> {
    if (s.kind === 'postgresql') {
      const n = this.pg.length;
      this.pg.push(await startPostgres(ns, this.template, `${this.workDir}/pg-${n}`, { addresses: s.addresses, floating: s.floating, port: s.port, name: s.name }));
      return;
    }
    for (const a of s.addresses) this.tcp.push(await startTcpListener(ns, a, s.port));
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.pg.map(stopPostgres));
    for (const c of this.tcp) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    this.pg.length = 0;
    this.tcp.length = 0;
  }
}
