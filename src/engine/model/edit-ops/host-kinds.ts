import { DEFAULT_DB_PORTS } from '../design';
import type { DatabaseEngine, Host, Role } from '../design';

/** What the palette offers. A `site` is a gateway with a lan (a cloud VPC) and a managed database inside it. */
export type HostKind = 'postgresql' | 'mysql' | 'mongodb' | 'redis' | 'app' | 'gateway' | 'site' | 'client';

/** What a palette kind makes: the host's role, id stem and database engine, and the palette's words for it. */
export interface HostKindSpec {
  kind: HostKind;
  label: string;
  hint: string;
  role: Role;
  /** Id stem: new hosts are `pg-1`, `app-2`... */
  stem: string;
  engine: DatabaseEngine | null;
}

/** Every kind, in the palette's order. */
export const HOST_KINDS: readonly HostKindSpec[] = [
  { kind: 'postgresql', label: 'PostgreSQL', hint: `Database server, port ${DEFAULT_DB_PORTS.postgresql}`, role: 'db', stem: 'pg', engine: 'postgresql' },
  { kind: 'mysql', label: 'MySQL', hint: `Database server, port ${DEFAULT_DB_PORTS.mysql}`, role: 'db', stem: 'mysql', engine: 'mysql' },
  { kind: 'mongodb', label: 'MongoDB', hint: `Database server, port ${DEFAULT_DB_PORTS.mongodb}`, role: 'db', stem: 'mongo', engine: 'mongodb' },
  { kind: 'redis', label: 'Redis', hint: `Database server, port ${DEFAULT_DB_PORTS.redis}`, role: 'db', stem: 'redis', engine: 'redis' },
  { kind: 'app', label: 'App host', hint: 'Application server that connects to databases', role: 'app', stem: 'app', engine: null },
  { kind: 'gateway', label: 'Gateway', hint: 'Gateway / bastion that routes between tunnels', role: 'gateway', stem: 'gw', engine: null },
  { kind: 'site', label: 'Site', hint: 'A lan behind a gateway (e.g. a cloud VPC) with a managed database inside', role: 'gateway', stem: 'site', engine: null },
  { kind: 'client', label: 'Admin client', hint: "An admin's laptop, behind NAT", role: 'client', stem: 'admin', engine: null },
];

/** The spec of one kind; an unknown kind is a programming error, so it throws. */
export function kindSpec(kind: HostKind): HostKindSpec {
  const spec = HOST_KINDS.find((k) => k.kind === kind);
  if (!spec) throw new Error(`unknown host kind ${kind}`);
  return spec;
}

/** The kind a host was made as, for its icon: database engine, site (a gateway with lans) or role. */
export function kindOf(host: Pick<Host, 'role' | 'database' | 'lans'>): HostKind {
  if (host.database) {
    const e = host.database.engine;
    if (e === 'mysql' || e === 'mariadb') return 'mysql';
    if (e === 'mongodb' || e === 'redis') return e;
    return 'postgresql';
  }
  if (host.role === 'gateway') return host.lans.length > 0 ? 'site' : 'gateway';
  if (host.role === 'db') return 'postgresql';
  return host.role;
}
