import { formatPrefix } from '../../net';
import type { RouteConflict } from '../../plan/allowed-ips';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { listText } from '../text';

/**
 * Two flows wanted one prefix under two different peers of one interface. WireGuard keeps a prefix under one peer
 * only (the one configured last), so the plan kept the first and this flow's packets would go the wrong way. One
 * clash (a host, a prefix, the peer that has it and the peer refused) is one finding naming every flow that met it.
 * A host route to an address two hosts claim is left to address-duplicate: renumbering is the fix, not the paths.
 */
export const routeConflicts: Rule = {
  id: 'route-conflicts',
  codes: ['route-conflict'],
  run({ plan, index, label }) {
    const clashes = new Map<string, { c: RouteConflict; flows: string[] }>();
    for (const c of plan.conflicts) {
      if (index.isSharedHostRoute(c.prefix)) continue;
      const key = `${c.hostId} ${formatPrefix(c.prefix)} ${c.kept} ${c.refused}`;
      const clash = clashes.get(key);
      if (!clash) clashes.set(key, { c, flows: c.flowId ? [c.flowId] : [] });
      else if (c.flowId && !clash.flows.includes(c.flowId)) clash.flows.push(c.flowId);
    }
    return [...clashes.values()].map(({ c, flows }): Finding => {
      const who = flows.length === 0 ? `the tunnel to ${c.refused}` : flows.length === 1 ? `flow ${flows[0]}` : `flows ${listText(flows, 6)}`;
      return {
        code: 'route-conflict',
        severity: 'error',
        message: `On ${label(c.hostId)}, ${who} ${flows.length > 1 ? 'need' : 'needs'} ${formatPrefix(c.prefix)} routed to ${label(c.refused)}, but it is already routed to ${label(c.kept)}; a prefix can sit under one peer only. Make the paths symmetric (add or remove a tunnel) or route through one gateway.`,
        subjects: { hosts: [c.hostId, c.kept, c.refused], flows },
      };
    });
  },
};
