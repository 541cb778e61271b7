import { replicationPorts } from '../../model/database-ports';
import type { Design, Host } from '../../model/design';
import { uniqueId } from '../../model/edit-ops/unique-id';
import type { Finding, Fix } from '../finding';
import type { Rule } from '../rule';

/**
 * Two database hosts of one engine that look like members of one replicated database (a failover pair, a flow
 * between them, or the same clients) must reach each other on the engine's replication ports in both directions:
 * after a promotion the old primary has to stream from, pg_rewind against or pg_basebackup from the new one (MySQL:
 * rejoin and clone; Redis: REPLICAOF the new primary). A firewall that lets only one side connect fails at the first
 * failover, not at install. What counts is the plan's flows (a replication flow is planned both ways), on the
 * ports the target replicates over.
 */
export const replicationBothWays: Rule = {
  id: 'replication-both-ways',
  codes: ['replication-one-way', 'replication-missing', 'replication-client-port-closed'],
  run({ design, plan, label }) {
    const dbs = new Map(design.hosts.filter((h) => h.database && !h.external).map((h) => [h.id, h]));
    if (dbs.size < 2) return [];
    // Which directions the plan opens between two database hosts, on a port the target replicates over.
    const opens = new Set<string>();
    // ... and which of them on the client port, which every engine's replicas and rebuilds connect to.
    const opensClient = new Set<string>();
    for (const f of plan.flows) {
      const to = dbs.get(f.to);
      if (f.toService || !to?.database || !dbs.has(f.from) || f.proto !== 'tcp') continue;
      if (replicationPorts(to.database).includes(f.port)) opens.add(`${f.from}>${f.to}`);
      if (f.port === to.database.port) opensClient.add(`${f.from}>${f.to}`);
    }
    const out: Finding[] = [];
    const flowIds = new Set(design.flows.map((f) => f.id));
    for (const { a, b, why, weak } of relatedPairs(design, dbs)) {
      const ab = opens.has(`${a.id}>${b.id}`);
      const ba = opens.has(`${b.id}>${a.id}`);
      const engine = a.database?.engine ?? 'database';
      if (ab && ba && opensClient.has(`${a.id}>${b.id}`) && opensClient.has(`${b.id}>${a.id}`)) continue;
      const ports = replicationPorts(b.database ?? { engine: 'other', port: 0 }).join(', ');
      const id = uniqueId(`r-${a.id}-${b.id}`.slice(0, 60).replace(/-+$/, ''), flowIds);
      flowIds.add(id);
      const fix: Fix = {
        label: `Add a replication flow between ${a.id} and ${b.id} (both ways, ${engine}'s replication ports)`,
        changes: [{ target: 'new-flow', set: { id, from: a.id, to: b.id, kind: 'replication' } }],
      };
      const subjects = { hosts: [a.id, b.id] };
      if (ab && ba) {
        // A cluster port but not the client port both ways: a design saved when a MySQL replication flow defaulted to
        // 33061 alone, or a Redis one to the bus port alone.
        out.push({
          code: 'replication-client-port-closed',
          severity: weak ? 'info' : 'warning',
          message: `${label(a.id)} and ${label(b.id)} (${why}) reach each other on ${engine}'s cluster ports but not both ways on its client port ${b.database?.port ?? ''}: replicas, clones and rebuilds connect to the client port, so they would be dropped by the firewalls.`,
          subjects,
          fix,
        });
      } else if (ab || ba) {
        const [from, to] = ab ? [a, b] : [b, a];
        out.push({
          code: 'replication-one-way',
          severity: weak ? 'info' : 'warning',
          message: `${label(from.id)} may reach ${label(to.id)} on its ${engine} replication port, but not the other way round, although both run ${engine} (${why}): after a promotion ${label(to.id)} cannot ${RESYNC[engine] ?? 'replicate from'} ${label(from.id)}, the firewalls drop it.`,
          subjects,
          fix,
        });
      } else {
        out.push({
          code: 'replication-missing',
          severity: weak ? 'info' : 'warning',
          message: `${label(a.id)} and ${label(b.id)} both run ${engine} (${why}) but no flow lets either reach the other on ${ports}: ${weak ? 'if they are one replicated database, ' : ''}replication and a rebuild after a failover would be dropped by the firewalls in both directions.`,
          subjects,
          fix,
        });
      }
    }
    return out;
  },
};

/** What a demoted node does toward the new primary, per engine, for the message. */
const RESYNC: Readonly<Record<string, string>> = {
  postgresql: 'stream from, pg_rewind against or pg_basebackup from',
  mysql: 'replicate from or clone',
  mariadb: 'replicate from',
  redis: 'resync (REPLICAOF) from',
};

interface Pair {
  a: Host;
  b: Host;
  why: string;
  /**
   * Only a client flow or the same clients relate them, not a failover group or a replication flow: a database
   * querying another (postgres_fdw, FEDERATED) or two independent databases one app uses look the same. Info.
   */
  weak: boolean;
}

/** Pairs of database hosts of one engine that belong together, each once, strongest reason first. O(flows + hosts). */
function relatedPairs(design: Design, dbs: ReadonlyMap<string, Host>): Pair[] {
  const pairs = new Map<string, Pair>();
  const add = (x: string, y: string, why: string, weak: boolean) => {
    const a = dbs.get(x);
    const b = dbs.get(y);
    if (!a?.database || !b?.database || a === b || a.database.engine !== b.database.engine) return;
    const key = x < y ? `${x} ${y}` : `${y} ${x}`;
    if (!pairs.has(key)) pairs.set(key, { a, b, why, weak });
  };
  for (const g of design.failover) add(g.primary, g.replica, `failover group ${g.id}`, false);
  for (const f of design.flows) if (f.kind === 'replication' && !f.to.includes('/')) add(f.from, f.to, `replication flow ${f.id}`, false);
  for (const f of design.flows) if (!f.to.includes('/')) add(f.from, f.to, `flow ${f.id} joins them`, true);
  // Databases with the same non-empty set of client hosts: likely replicas of one another (info, not a warning).
  const clients = new Map<string, Set<string>>();
  for (const f of design.flows) {
    if (f.kind !== 'client' || f.to.includes('/') || !dbs.has(f.to) || dbs.has(f.from)) continue;
    const set = clients.get(f.to) ?? new Set<string>();
    set.add(f.from);
    clients.set(f.to, set);
  }
  const bySources = new Map<string, string[]>();
  for (const [db, set] of clients) {
    const key = `${dbs.get(db)?.database?.engine ?? ''}|${[...set].sort().join(',')}`;
    bySources.set(key, [...(bySources.get(key) ?? []), db]);
  }
  for (const members of bySources.values()) {
    for (let i = 0; i + 1 < members.length; i++) {
      add(members[i] as string, members[i + 1] as string, 'the same clients reach both', true);
    }
  }
  return [...pairs.values()];
}
