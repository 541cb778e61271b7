import type { Design, FailoverGroup } from '../model/design';
import { containsPrefix, formatPrefix, networkOf, parsePrefix } from '../net';
import type { Prefix } from '../net';
import { monitoringFlows } from '../plan/flows';
import { parseHost } from '../plan/parsed-host';
import type { FlowPlan, Plan } from '../plan/types';

/** One prefix of a tunnel direction's AllowedIPs and why the plan put it there, in words. */
export interface ExplainedPrefix {
  prefix: string;
  reasons: string[];
}

/** A tunnel's AllowedIPs each way: `ab` is what `a` sends into the tunnel (its peer entry for `b`), `ba` the other way. */
export interface ExplainedAllowedIPs {
  ab: ExplainedPrefix[];
  ba: ExplainedPrefix[];
}

/** Shown for a prefix nothing in the plan accounts for; a test checks no fixture ever gets it. */
export const UNEXPLAINED = 'no reason found in the plan';

/**
 * Explains the AllowedIPs the plan gave each side of tunnel `tunnelId`: the lists are the plan's own (never
 * recomputed), and each prefix gets the reasons the plan had for it: the peer's address, the flows routed toward a
 * target through the tunnel, the flows whose sources arrive through it (WireGuard drops a packet whose source is
 * not in the AllowedIPs of the peer it came from), a failover group's floating address, a pool standing in for the
 * routes inside it, or a list pinned in the design. O(flows · path length); null when the plan has no such tunnel.
 */
export function explainAllowedIPs(plan: Plan, tunnelId: string): ExplainedAllowedIPs | null {
  const tp = plan.tunnels.find((t) => t.tunnel.id === tunnelId);
  if (!tp) return null;
  const t = tp.tunnel;
  const names = flowNames(plan.design);
  return {
    ab: explainSide(plan, names, tunnelId, t.a, t.b, t.allowedIPs?.ab ?? null),
    ba: explainSide(plan, names, tunnelId, t.b, t.a, t.allowedIPs?.ba ?? null),
  };
}

/** What a flow is called in a reason: its design id, "monitoring", or its failover group's. */
interface FlowName {
  name: string;
  group: FailoverGroup | null;
}

function flowNames(design: Design): (f: FlowPlan) => FlowName {
  const declared = new Set(design.flows.map((f) => f.id));
  const monitoring = new Set(monitoringFlows(design).map((f) => f.id));
  return (f) => {
    if (declared.has(f.flowId)) return { name: f.flowId, group: null };
    if (monitoring.has(f.flowId)) return { name: MONITORING, group: null };
    // failoverFlows names its copies `${flow}-via-${group}` (routed) and `${flow}-standby-${group}` (accepted only).
    for (const g of design.failover) {
      for (const tail of [`-via-${g.id}`, `-standby-${g.id}`]) {
        if (f.flowId.endsWith(tail)) return { name: f.flowId.slice(0, -tail.length), group: g };
      }
    }
    return { name: f.flowId, group: null };
  };
}

const MONITORING = 'monitoring';

/** Reasons gathered for one network: labels in the order first seen, each with the flows behind it. */
type Gathered = Map<string, Set<string>>;

function explainSide(
  plan: Plan, nameOf: (f: FlowPlan) => FlowName, tunnelId: string, from: string, to: string, pinned: readonly string[] | null,
): ExplainedPrefix[] {
  const list = plan.byId.get(from)?.peers.find((p) => p.tunnelId === tunnelId)?.allowedIPs ?? [];
  if (pinned) return list.map((p) => ({ prefix: formatPrefix(p), reasons: ['pinned in the design'] }));
  const gathered = new Map<string, { prefix: Prefix; why: Gathered }>();
  const note = (p: Prefix, label: string, flow: string | null) => {
    const net = networkOf(p);
    const key = formatPrefix(net);
    let entry = gathered.get(key);
    if (!entry) gathered.set(key, entry = { prefix: net, why: new Map() });
    let flows = entry.why.get(label);
    if (!flows) entry.why.set(label, flows = new Set());
    if (flow !== null) flows.add(flow);
  };
  const peer = plan.design.hosts.find((h) => h.id === to);
  if (peer) for (const p of parseHost(peer).hostRoutes) note(p, `${to}'s address`, null);
  for (const f of plan.flows) {
    const path = f.path;
    if (!path) continue;
    for (let i = 0; i + 1 < path.length; i++) {
      const toward = path[i] === from && path[i + 1] === to;
      if (!toward && !(path[i] === to && path[i + 1] === from)) continue;
      const { name, group } = nameOf(f);
      // The monitoring host's scrapes are one reason per target, not one flow id each.
      const [label, flow] = name === MONITORING ? [toward ? `monitoring to ${f.to}` : `monitoring from ${f.from}`, null]
        : [toward ? towardLabel(f, group) : `from ${f.from}`, name];
      for (const p of toward ? f.routeDestinations : f.sources) note(p, label, flow);
    }
  }
  return list.map((p) => {
    const key = formatPrefix(p);
    const entry = gathered.get(key);
    if (entry) return { prefix: key, reasons: sentences(entry.why) };
    return { prefix: key, reasons: poolReasons(plan.design, p, gathered) ?? [UNEXPLAINED] };
  });
}

function towardLabel(f: FlowPlan, group: FailoverGroup | null): string {
  if (group) return `failover address of group ${group.id} (held by ${group.primary}), for`;
  return f.toService ? `${f.to}'s LAN, for` : `to ${f.to}`;
}

/** "pg-1's address", "flows f1, f2 to pg-1", "site-a's LAN, for flow f3", "monitoring from mon-1". */
function sentences(why: Gathered): string[] {
  return [...why].map(([label, flows]) => {
    if (flows.size === 0) return label;
    const list = [...flows];
    const named = list.length === 1 ? `flow ${list[0]}` : `flows ${list.join(', ')}`;
    return label.endsWith(', for') ? `${label} ${named}` : `${named} ${label}`;
  });
}

const POOL_NAMES = ['db', 'app', 'gateway', 'client', 'ipv6'] as const;

/** A pool the plan summarised the routes inside it into: named, then each route it stands in for with its reasons. */
function poolReasons(design: Design, p: Prefix, gathered: ReadonlyMap<string, { prefix: Prefix; why: Gathered }>): string[] | null {
  const key = formatPrefix(p);
  const pool = POOL_NAMES.find((k) => {
    const text = design.network.pools[k];
    return text !== null && formatPrefix(networkOf(parsePrefix(text))) === key;
  });
  if (pool === undefined) return null;
  const inside = [...gathered.values()].filter((g) => containsPrefix(p, g.prefix));
  return [
    `the ${pool} pool, one entry for the ${inside.length} routes inside it:`,
    ...inside.map((g) => `${formatPrefix(g.prefix)}: ${sentences(g.why).join('; ')}`),
  ];
}
