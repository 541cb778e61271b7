import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../bundle/bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../bundle/bundle-options';
import { buildPlan } from '../plan/build-plan';
import { fixtureDesign } from '../testing/fixture-design';
import { AS_POSTGRES, pgBin } from '../testing/pg-in-netns.node';
import { NetnsHost, link } from '../testing/wg-netns-host.node';

/**
 * pg-primary of the primary-replica fixture runs a real PostgreSQL with the bundle's pg_hba.conf lines and
 * listen_addresses; a client namespace connects from the flows' sources and from an overlay address no flow names.
 * There is no firewall here: every refusal below is PostgreSQL's own.
 */
describe('the bundle\'s pg_hba.conf lines on a real PostgreSQL', () => {
  it('let the declared sources in (replication only for the replica) and refuse every other address itself', async () => {
    const plan = buildPlan(fixtureDesign('primary-replica'));
    const files = bundleFiles(plan, DEFAULT_BUNDLE_OPTIONS);
    const hba = files.find((f) => f.path === 'pg-primary/database/pg_hba.conf')!.content as string;
    const conf = files.find((f) => f.path === 'pg-primary/database/postgresql.conf')!.content as string;
    const tag = `wgd-hba-${process.pid}`;
    const db = new NetnsHost(`${tag}-d`);
    const client = new NetnsHost(`${tag}-c`);
    const dir = mkdtempSync(join(tmpdir(), 'wgd-hba-'));
    let postgres: ReturnType<NetnsHost['spawn']> | null = null;
    try {
      await db.start({ wg0: false });
      await client.start({ wg0: false });
      link(db, client, '192.0.2.61', '192.0.2.62', 0);
      // Overlay addresses on the link: the primary's own, the replica's, the apps' and one that no flow names.
      const [primary, replica, app1, app2, stranger] = ['10.20.0.1', '10.20.0.2', '10.20.1.1', '10.20.1.2', '10.20.0.50'];
      expect(db.run(`ip address add ${primary}/32 dev eth0 && ip address add 10.20.0.100/32 dev eth0 && ip route add 10.20.0.0/16 dev eth0`).ok).toBe(true);
      const add = [replica, app1, app2, stranger].map((a) => `ip address add ${a}/32 dev eth0`).join(' && ');
      expect(client.run(`${add} && ip route add ${primary}/32 dev eth0 src ${app1}`).ok).toBe(true);

      const data = join(dir, 'data');
      chownSync(dir, uid('-u'), uid('-g'));
      must(spawnSync('bash', ['-c', `${AS_POSTGRES} ${pgBin()}/initdb -D ${data} -A trust -U postgres --no-sync --no-instructions -E UTF8 --locale=C`], { encoding: 'utf8' }));
      must(spawnSync('bash', ['-c', `cd ${data} && openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=pg-primary -keyout server.key -out server.crt && chmod 600 server.key && chown postgres:postgres server.key server.crt`], { encoding: 'utf8' }));
      // The bundle's lines, and the unix socket for the test's own set-up: nothing else in pg_hba.conf.
      writeFileSync(join(data, 'pg_hba.conf'), `local all postgres trust\n${hba}`);
      writeFileSync(join(data, 'postgresql.auto.conf'), `${conf}unix_socket_directories = '${dir}'\nfsync = off\nshared_buffers = 8MB\nmax_connections = 10\n`);
      postgres = db.spawn(`${AS_POSTGRES} ${pgBin()}/postgres -D ${data}`);
      let ready = false;
      for (let i = 0; i < 75 && !ready; i++) {
        ready = db.run(`${pgBin()}/pg_isready -q -h ${primary} -p 5432 -t 1`).ok;
        if (!ready) await new Promise((r) => setTimeout(r, 200));
      }
      expect(ready, 'postgres did not start').toBe(true);
      const sql = `CREATE ROLE app LOGIN PASSWORD 'app-secret'; CREATE ROLE repl LOGIN REPLICATION PASSWORD 'repl-secret';`;
      expect(db.run(`${AS_POSTGRES} psql -h ${dir} -U postgres -d postgres -v ON_ERROR_STOP=1 -c "${sql}"`).ok).toBe(true);
      // It listens on the overlay addresses, and not on the underlay one.
      const listening = db.run(`ss -H -ltn 'sport = :5432'`).out;
      expect(listening).toContain(`${primary}:5432`);
      expect(listening).not.toContain('192.0.2.61');

      const connect = (source: string, user: string, extra = '') => {
        client.run(`ip route replace ${primary}/32 dev eth0 src ${source}`);
        const password = user === 'repl' ? 'repl-secret' : 'app-secret';
        return client.run(`PGPASSWORD=${password} psql "host=${primary} port=5432 user=${user} dbname=postgres connect_timeout=5 ${extra || 'sslmode=require'}" -Atc 'select inet_client_addr()'`);
      };
      for (const source of [app1, app2, replica]) {
        const r = connect(source, 'app');
        expect(r.ok, `${source}: ${r.out}`).toBe(true);
        expect(r.out.trim()).toBe(source);
      }
      const refused = connect(stranger, 'app');
      expect(refused.ok).toBe(false);
      expect(refused.out).toContain(`no pg_hba.conf entry for host "${stranger}", user "app", database "postgres", SSL encryption`);
      // hostssl: a declared source without TLS is refused too.
      const plain = connect(app1, 'app', 'sslmode=disable');
      expect(plain.out).toContain(`no pg_hba.conf entry for host "${app1}", user "app", database "postgres", no encryption`);
      // Replication connections (pg_basebackup, streaming): the replica only.
      const stream = (source: string) => {
        client.run(`ip route replace ${primary}/32 dev eth0 src ${source}`);
        return client.run(`PGPASSWORD=repl-secret psql "host=${primary} port=5432 user=repl replication=true sslmode=require connect_timeout=5" -c 'IDENTIFY_SYSTEM'`);
      };
      expect(stream(replica).ok, stream(replica).out).toBe(true);
      const app = stream(app1);
      expect(app.ok).toBe(false);
      expect(app.out).toContain(`no pg_hba.conf entry for replication connection from host "${app1}", user "repl", SSL encryption`);
    } finally {
      if (postgres?.pid) postgres.kill('SIGKILL');
      db.stop();
      client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

function uid(flag: string): number {
  return Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
}

function must(r: ReturnType<typeof spawnSync>): void {
  if (r.status !== 0) throw new Error(`${String(r.stdout)}${String(r.stderr)}`);
}
