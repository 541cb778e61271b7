// Tests: database-ports.test.ts.
import type { DatabaseEngine, DatabaseSpec, Flow, Host } from './design';

const MAX_PORT = 65_535;

/**
 * The TCP ports two nodes of each engine replicate over, from the node's client port. The one table that decides
 * what a replication flow without a port opens (plan/flows.ts) and what the underlay must not reach
 * (plan/firewall-intent.ts). Where an engine has an optional clustering mode, its ports are opened too: nothing
 * listens on them unless the mode is configured, the accept is only between two database nodes the user declared
 * replicate, and the underlay drops them anyway; guessing "not clustered" would silently break a cluster instead.
 */
const REPLICATION_PORTS: Readonly<Record<DatabaseEngine, (client: number) => readonly number[]>> = {
  // Streaming replication, pg_basebackup and pg_rewind all connect to the server's own port.
  postgresql: (p) => [p],
  // Async replicas, CLONE and group replication's distributed recovery use the client port; group replication's
  // XCom (group communication) listens on 33061 by default.
  mysql: (p) => [p, 33_061],
  // MariaDB has no group replication (33061 is MySQL's): replicas use the client port; Galera cluster members talk
  // on 4567 (group communication), 4568 (incremental state transfer) and 4444 (full state transfer, SST).
  mariadb: (p) => [p, 4567, 4568, 4444],
  // Replica members of a replica set sync from the server port.
  mongodb: (p) => [p],
  // A replica syncs over the client port (PSYNC); Redis Cluster nodes also gossip on the bus, client port + 10000
  // (none above 55535: the cluster bus port must then be set by hand, give the flow a port).
  redis: (p) => (p + 10_000 <= MAX_PORT ? [p, p + 10_000] : [p]),
  // Always On availability groups (and mirroring) stream between replicas on the endpoint port, 5022 by default.
  mssql: (p) => [p, 5022],
  other: (p) => [p],
};

/** The ports a replication flow to a node running `db` opens when it names none: client port first, no repeats. */
export function replicationPorts(db: DatabaseSpec): readonly number[] {
  return [...new Set(REPLICATION_PORTS[db.engine](db.port))];
}

/** True when `port` is one `db`'s replication uses (so a flow naming it is not a typo). */
export function isReplicationPort(db: DatabaseSpec, port: number): boolean {
  return replicationPorts(db).includes(port);
}

/** The ports a flow opens: its own, else the replication ports of the database host it reaches (`target`). */
export function flowPorts(flow: Pick<Flow, 'port'>, target: Pick<Host, 'database'> | undefined): readonly number[] {
  if (flow.port !== null) return [flow.port];
  // The schema leaves a port null only on a replication flow to a database host.
  return target?.database ? replicationPorts(target.database) : [];
}

/** A flow's port as the editor and the docs print it: the number, or `replication` for its engine's ports. */
export function flowPortText(flow: Pick<Flow, 'port'>): string {
  return flow.port === null ? 'replication' : String(flow.port);
}
