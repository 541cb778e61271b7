import { describe, expect, it } from 'vitest';
import type { Design } from '../model/design';
import { buildPlan } from '../plan/build-plan';
import { fixtureDesign } from '../testing/fixture-design';
import { databaseUnit, renderDatabaseAccess, renderDatabaseDropIn } from './database-access';

/** primary-replica with its databases turned into another engine. */
function withEngine(engine: 'mysql' | 'redis' | 'mongodb', port: number): Design {
  const d = fixtureDesign('primary-replica');
  d.hosts = d.hosts.map((h) => (h.database ? { ...h, database: { engine, port } } : h));
  d.flows = d.flows.map((f) => (f.port === 5432 ? { ...f, port } : f));
  return d;
}
const files = (d: Design, id: string) => {
  const plan = buildPlan(d);
  return Object.fromEntries(renderDatabaseAccess(plan, plan.byId.get(id)!).map((f) => [f.name, f.content]));
};

describe('database access rules from the flows', () => {
  it('PostgreSQL: a hostssl line per source, replication lines for the replica only, listen on the overlay', () => {
    const f = files(fixtureDesign('primary-replica'), 'pg-primary');
    const rules = f['pg_hba.conf']!.split('\n').filter((l) => l.startsWith('hostssl'));
    expect(rules.map((l) => l.split(/\s+/).slice(1, 4).join(' '))).toEqual([
      'replication all 10.20.0.2/32', 'all all 10.20.0.2/32', 'all all 10.20.1.1/32', 'all all 10.20.1.2/32',
    ]);
    expect(rules.every((l) => l.endsWith('scram-sha-256'))).toBe(true);
    expect(f['postgresql.conf']).toContain("listen_addresses = 'localhost,10.20.0.1,10.20.0.100'\n");
  });

  it('MySQL: bind to the overlay, TLS required, an account per source with replication grants for the replica', () => {
    const f = files(withEngine('mysql', 3306), 'pg-primary');
    expect(f['mysqld.cnf']).toContain('bind_address = 127.0.0.1,10.20.0.1,10.20.0.100\n');
    expect(f['mysqld.cnf']).toContain('require_secure_transport = ON');
    expect(f['grants.sql']).toContain("GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'repl'@'10.20.0.2';");
    expect(f['grants.sql']).toContain("CREATE USER IF NOT EXISTS 'APP_USER'@'10.20.1.1' IDENTIFIED BY 'CHANGE-ME' REQUIRE SSL;");
    expect(f['grants.sql']).not.toContain("'repl'@'10.20.1.1'");
  });

  it('Redis: bind to loopback and the overlay with protected mode; engines without a template get no files', () => {
    expect(files(withEngine('redis', 6379), 'pg-replica')['redis.conf']).toContain('bind 127.0.0.1 10.20.0.2\nport 6379\nprotected-mode yes\n');
    expect(files(withEngine('mongodb', 27017), 'pg-replica')).toEqual({});
    expect(files(fixtureDesign('primary-replica'), 'app-1')).toEqual({});
  });

  it('the drop-in orders the database after wg0 without tying its restarts to wg0', () => {
    const plan = buildPlan(fixtureDesign('primary-replica'));
    const hp = plan.byId.get('pg-primary')!;
    expect(databaseUnit(hp)).toBe('postgresql@.service');
    const dropIn = renderDatabaseDropIn(hp);
    expect(dropIn).toContain('After=wg-quick@wg0.service\n');
    expect(dropIn).toContain('Wants=wg-quick@wg0.service\n');
    expect(dropIn).not.toMatch(/^(Requires|BindsTo|PartOf)=/m);
    expect(databaseUnit(plan.byId.get('app-1')!)).toBeNull();
  });
});
