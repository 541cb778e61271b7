import type { ServerKind } from './db-endpoints';
import type { ProbeResult } from './probes';
import { psql } from './probes';
import { mariadbName } from './mariadb';
import { redisName } from './redis';

/**
 * Which database server answered at `address`, by the name the lab started it with (its host id): PostgreSQL's
 * `show cluster_name`, Redis's working directory, MariaDB's report_host. A failover check asks this through the floating address.
 */
export function serverName(kind: ServerKind, ns: string, address: string, port: number): Promise<ProbeResult> {
  if (kind === 'redis') return redisName(ns, address, port);
  return kind === 'mariadb' ? mariadbName(ns, address, port) : psql(ns, address, port, 'show cluster_name');
}
