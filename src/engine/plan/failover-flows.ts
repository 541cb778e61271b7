// Tests: failover/promotions.test.ts, failover/promotions.node.test.ts and the primary-replica fixture's bundle snapshots (bundle/fixture-bundles.test.ts).
import type { Design } from '../model/design';
import { parsePrefix } from '../net';
import type { Prefix } from '../net';
import { canonicalPath, pathMtu } from './flows';
import type { Topology } from './topology';
import { pushTo } from './push-to';
import type { FlowPlan, TunnelPlan } from './types';

/** The floating addresses each host holds now (the primary of each failover group). */
export function floatingAddresses(design: Design): Map<string, Prefix[]> {
  const out = new Map<string, Prefix[]>();
  for (const g of design.failover) out.set(g.primary, [...(out.get(g.primary) ?? []), parsePrefix(g.address)]);
  return out;
}

/**
 * Flows to either member of a failover pair also reach its floating address: routed to the member that holds it,
 * and accepted (firewall only, no route) on the other, so promoting the replica only moves the address and routes.
 * Flows between the two members (replication) are left as they are. O(flows + the flows to the groups' members).
 */
export function failoverFlows(
  design: Design, topo: Topology, flows: readonly FlowPlan[], tunnels: ReadonlyMap<string, TunnelPlan>,
): FlowPlan[] {
  const out: FlowPlan[] = [];
  if (design.failover.length === 0) return out;
  // The flows to each host, by position: each group looks at its two members' flows only, not at every flow.
  const toHost = new Map<string, number[]>();
  flows.forEach((f, i) => {
    if (!f.toService) pushTo(toHost, f.to, i);
  });
  for (const g of design.failover) {
    const floating = [parsePrefix(g.address)];
    const members = new Set([g.primary, g.replica]);
    // In the order of the flows themselves, as one pass over all of them would take them.
    const positions = [...(toHost.get(g.primary) ?? []), ...(g.replica === g.primary ? [] : toHost.get(g.replica) ?? [])].sort((a, b) => a - b);
    for (const i of positions) {
      const f = flows[i] as FlowPlan;
      if (members.has(f.from)) continue;
      for (const [target, routed] of [[g.primary, true], [g.replica, false]] as const) {
        const path = canonicalPath(topo, f.from, target);
        out.push({
          ...f,
          flowId: `${f.flowId}-${routed ? 'via' : 'standby'}-${g.id}`,
          to: target,
          destinations: floating,
          routeDestinations: routed ? floating : [],
          path,
          unroutable: path ? null : `no chain of tunnels joins ${f.from} to ${target} through gateways`,
          pathMtu: path ? pathMtu(path, topo, tunnels) : null,
          reverse: false,
          bulk: false,
        });
      }
    }
  }
  return out;
}
