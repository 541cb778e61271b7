import { parseEndpoint } from '../net';
import type { Endpoint } from '../net';
import type { FlowPlan, HostPlan, Plan } from '../plan/types';

/** QoS classes in the order HTB serves them: database client traffic, everything else, bulk (capped). */
export type QosClass = 'db' | 'other' | 'bulk';

/** The HTB minor number of each class, the same on wg0 and the underlay. */
export const QOS_MINOR: Readonly<Record<QosClass, number>> = { db: 10, other: 20, bulk: 30 };

/** One peer whose WireGuard packets this host sends to a known endpoint: the outer UDP flow the underlay can see. */
export interface QosPeer {
  hostId: string;
  endpoint: Endpoint;
  /** `db` when its tunnel carries any database client flow; `bulk` when only bulk flows; `other` when no flow. */
  cls: QosClass;
}

/** Flows by the hosts on their path, and each tunnel's encapsulation overhead: built once per bundle. */
export interface QosIndex {
  byHost: Map<string, FlowPlan[]>;
  overheadByTunnel: Map<string, number>;
}

/** Indexes the plan's flows for `renderQos` (every host on a flow's path, so routers classify too). */
export function qosIndex(plan: Plan): QosIndex {
  const byHost = new Map<string, FlowPlan[]>();
  for (const f of plan.flows) {
    for (const id of new Set([f.from, f.to, ...(f.path ?? [])])) {
      const list = byHost.get(id) ?? [];
      list.push(f);
      byHost.set(id, list);
    }
  }
  return { byHost, overheadByTunnel: new Map(plan.tunnels.map((t) => [t.tunnel.id, t.overhead])) };
}

/**
 * The class of each peer this host dials. Outer packets leave from the listen port to the peer's endpoint, and the
 * underlay sees nothing else of them: a tunnel that carries both database and bulk flows is one outer flow, so it
 * goes with the database class; wg0's own shaper, which sees the inner packets, has already capped its bulk part.
 * A peer that dials this host has no endpoint to match until it roams in: it falls to the catch-all on the listen port.
 */
export function qosPeers(hp: HostPlan, index: QosIndex): QosPeer[] {
  const carries = new Map<string, Set<QosClass>>();
  for (const f of index.byHost.get(hp.id) ?? []) {
    const path = f.path;
    if (!path) continue;
    const at = path.indexOf(hp.id);
    // Requests go to the next hop, answers (and a replication's reply half) to the previous one.
    for (const next of [path[at - 1], path[at + 1]]) {
      if (at < 0 || next === undefined) continue;
      const set = carries.get(next) ?? new Set<QosClass>();
      set.add(f.bulk ? 'bulk' : 'db');
      carries.set(next, set);
    }
  }
  const out: QosPeer[] = [];
  for (const peer of hp.peers) {
    if (peer.endpoint === null) continue;
    const set = carries.get(peer.hostId);
    const cls: QosClass = set?.has('db') ? 'db' : set?.has('bulk') ? 'bulk' : 'other';
    out.push({ hostId: peer.hostId, endpoint: parseEndpoint(peer.endpoint), cls });
  }
  return out;
}

/** Bytes WireGuard adds to each packet on this host's largest-overhead tunnel (60 over IPv4, 80 over IPv6). */
export function qosOverhead(hp: HostPlan, index: QosIndex): number {
  return Math.max(60, ...hp.peers.map((p) => index.overheadByTunnel.get(p.tunnelId) ?? 80));
}

/** HTB rates in kbit/s: the whole shaped below the link, and each class's guaranteed rate and ceiling. */
export interface QosRates {
  shape: number;
  classes: ReadonlyArray<{ cls: QosClass; rate: number; ceil: number; prio: number }>;
}

/** Share of the link rate the root is shaped to: a little below, so the queue forms here and not in the modem. */
export const QOS_SHAPE_PERCENT = 95;

/**
 * Rates of the three classes. Each class is guaranteed a share (database half, the rest a quarter each) and may
 * borrow up to the whole; a class within its guarantee is always served before one that borrows, in prio order,
 * so a query waits for at most one packet of another class. Bulk never borrows beyond its cap.
 */
export function qosRates(linkRateMbit: number, bulkRateMbit: number): QosRates {
  const shape = Math.floor(linkRateMbit * 10 * QOS_SHAPE_PERCENT);
  const bulkCeil = Math.min(bulkRateMbit * 1000, shape);
  const quarter = Math.max(1, Math.floor(shape / 4));
  return {
    shape,
    classes: [
      { cls: 'db', rate: Math.max(1, Math.floor(shape / 2)), ceil: shape, prio: 0 },
      { cls: 'other', rate: quarter, ceil: shape, prio: 1 },
      { cls: 'bulk', rate: Math.min(quarter, bulkCeil), ceil: bulkCeil, prio: 2 },
    ],
  };
}
