// Tests: database-access.test.ts, and database-access.node.test.ts (a real PostgreSQL enforces the pg_hba lines).
import type { Prefix } from '../net';
import type { FlowPlan, HostPlan, Plan } from '../plan/types';
import { WG_INTERFACE } from '../plan/types';
import { addressText } from './firewall-terms';

/** The drop-in's name in the bundle's `database/` folder (not `*wg0.conf`: tools take those for wg-quick configs). */
export const DATABASE_DROP_IN = 'after-wireguard.conf';

/** One file of a database host's `database/` folder. */
export interface DatabaseFile {
  name: string;
  content: string;
}

/** A source that reaches the database port, with the flows that let it. */
interface Source {
  prefix: Prefix;
  flows: string[];
  replication: boolean;
}

/**
 * The systemd units each engine runs as on Debian and Ubuntu; the drop-in goes to `<unit>.d/`. PostgreSQL's
 * template unit covers every cluster (`postgresql@15-main`).
 */
const UNITS: Readonly<Record<string, string>> = {
  postgresql: 'postgresql@.service',
  mysql: 'mysql.service',
  mariadb: 'mariadb.service',
  redis: 'redis-server.service',
  mongodb: 'mongod.service',
  mssql: 'mssql-server.service',
};

/** The unit whose drop-in orders the database after wg0, or null for an engine we do not know the unit of. */
export function databaseUnit(hp: HostPlan): string | null {
  return hp.database ? UNITS[hp.database.engine] ?? null : null;
}

/** The flows delivered to this host's database port, grouped by source address in a stable order. */
function sourcesOf(plan: Plan, hp: HostPlan): Source[] {
  const port = hp.database?.port;
  const bySource = new Map<string, Source>();
  const take = (f: FlowPlan) => {
    for (const prefix of f.sources) {
      const key = `${prefix.family}/${prefix.addr}/${prefix.len}`;
      const s = bySource.get(key) ?? { prefix, flows: [], replication: false };
      if (!s.flows.includes(f.flowId)) s.flows.push(f.flowId);
      s.replication ||= f.kind === 'replication';
      bySource.set(key, s);
    }
  };
  for (const f of plan.flows) if (f.to === hp.id && !f.toService && f.port === port && f.proto === 'tcp' && f.path) take(f);
  return [...bySource.values()];
}

/** The host's overlay addresses as the database's listen list takes them (no brackets, no length). */
function overlayAddresses(hp: HostPlan): string[] {
  return hp.addresses.map((a) => addressText({ ...a, len: a.family === 4 ? 32 : 128 }));
}

/**
 * `pg_hba.conf` lines: one `hostssl` line per source address that a flow brings to the database port (database
 * `all`), and `replication` lines for replication peers (pg_basebackup and streaming) beside their `all` line
 * (pg_rewind connects to a database). PostgreSQL takes the first matching line: these go above any broader one.
 */
function pgHba(hp: HostPlan, sources: readonly Source[]): string {
  const lines = [
    `# pg_hba.conf lines for host ${hp.id}, from the flows of the design (wg-designer). Put them above any broader`,
    '# host or hostssl line of pg_hba.conf: PostgreSQL uses the first line that matches. Sources are overlay addresses;',
    '# the firewall lets only these reach the port, and PostgreSQL refuses everyone else itself. Then: SELECT pg_reload_conf();',
    '# TYPE   DATABASE     USER  ADDRESS                                  METHOD',
  ];
  if (sources.length === 0) lines.push('# (no flow reaches the database port of this host)');
  for (const s of sources) {
    const address = `${addressText({ ...s.prefix, len: s.prefix.family === 4 ? 32 : 128 })}/${s.prefix.family === 4 ? 32 : 128}`;
    lines.push(`# ${s.flows.map((f) => `flow ${f}`).join(', ')}`);
    if (s.replication) lines.push(`hostssl  replication  all   ${address.padEnd(40)} scram-sha-256`);
    lines.push(`hostssl  all          all   ${address.padEnd(40)} scram-sha-256`);
  }
  return `${lines.join('\n')}\n`;
}

function postgresqlConf(hp: HostPlan): string {
  return [
    `# postgresql.conf setting for host ${hp.id} (wg-designer): listen on loopback and the overlay only, never on the`,
    '# underlay. The server must start after wg0 has its address: see the systemd drop-in beside this file.',
    `listen_addresses = '${['localhost', ...overlayAddresses(hp)].join(',')}'`,
    `port = ${hp.database?.port ?? 5432}`,
    'ssl = on',
    '',
  ].join('\n');
}

function mysqlConf(hp: HostPlan): string {
  return [
    `# my.cnf settings for host ${hp.id} (wg-designer), e.g. /etc/mysql/mysql.conf.d/zz-wg-designer.cnf or`,
    '# /etc/mysql/mariadb.conf.d/99-wg-designer.cnf: loopback and the overlay only (MySQL 8.0.13+, MariaDB 10.11+',
    '# take a list), and TLS required for every account.',
    '[mysqld]',
    `bind_address = ${['127.0.0.1', ...overlayAddresses(hp)].join(',')}`,
    `port = ${hp.database?.port ?? 3306}`,
    'require_secure_transport = ON',
    '',
  ].join('\n');
}

/** Accounts per source address: the operator fills in names, passwords and privileges; hosts are the flows'. */
function mysqlGrants(hp: HostPlan, sources: readonly Source[]): string {
  const lines = [
    `-- Grants template for host ${hp.id} (wg-designer): one account per source address that a flow brings to the`,
    '-- database port. Replace APP_USER, the password and the privileges; keep the host part, which is what the',
    '-- firewall lets in. Run with: mysql < grants.sql',
  ];
  if (sources.length === 0) lines.push('-- (no flow reaches the database port of this host)');
  for (const s of sources) {
    const address = addressText({ ...s.prefix, len: s.prefix.family === 4 ? 32 : 128 });
    lines.push(`-- ${s.flows.map((f) => `flow ${f}`).join(', ')}`);
    if (s.replication) {
      lines.push(`CREATE USER IF NOT EXISTS 'repl'@'${address}' IDENTIFIED BY 'CHANGE-ME' REQUIRE SSL;`,
        `GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'repl'@'${address}';`);
    } else {
      lines.push(`CREATE USER IF NOT EXISTS 'APP_USER'@'${address}' IDENTIFIED BY 'CHANGE-ME' REQUIRE SSL;`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON APP_DB.* TO 'APP_USER'@'${address}';`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function redisConf(hp: HostPlan): string {
  return [
    `# redis.conf settings for host ${hp.id} (wg-designer): loopback and the overlay only, protected mode on`,
    '# (set requirepass or ACL users too: the firewall limits who reaches the port, not what they may do).',
    `bind 127.0.0.1 ${overlayAddresses(hp).join(' ')}`.trimEnd(),
    `port ${hp.database?.port ?? 6379}`,
    'protected-mode yes',
    '',
  ].join('\n');
}

/**
 * The systemd drop-in that starts the database after wg0, so it never starts before its overlay address exists.
 * `Wants=`, not `Requires=`: with Requires, `systemctl restart wg-quick@wg0` (a re-install, a key change) would
 * restart the database too, and an operator would lose it for the length of a restart.
 */
export function renderDatabaseDropIn(hp: HostPlan): string {
  return [
    `# Installed by wg-designer install.sh as /etc/systemd/system/${databaseUnit(hp)}.d/wg-designer.conf:`,
    `# the database starts after ${WG_INTERFACE} is up, so the overlay address it listens on exists. Wants, not Requires:`,
    `# restarting ${WG_INTERFACE} must never restart the database.`,
    '[Unit]',
    `Wants=wg-quick@${WG_INTERFACE}.service`,
    `After=wg-quick@${WG_INTERFACE}.service`,
    '',
  ].join('\n');
}

/** The `database/` folder of a database host: its access rules from the flows, per engine. Empty for others. */
export function renderDatabaseAccess(plan: Plan, hp: HostPlan): DatabaseFile[] {
  if (!hp.database) return [];
  const sources = sourcesOf(plan, hp);
  switch (hp.database.engine) {
    case 'postgresql':
      return [{ name: 'pg_hba.conf', content: pgHba(hp, sources) }, { name: 'postgresql.conf', content: postgresqlConf(hp) }];
    case 'mysql':
    case 'mariadb':
      return [{ name: 'mysqld.cnf', content: mysqlConf(hp) }, { name: 'grants.sql', content: mysqlGrants(hp, sources) }];
    case 'redis':
      return [{ name: 'redis.conf', content: redisConf(hp) }];
    default:
      return [];
  }
}
