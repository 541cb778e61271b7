import { formatPrefix } from '../../net';
import type { Rule } from '../rule';

/**
 * Two flows wanted one prefix under two different peers of one interface. WireGuard keeps a prefix under one peer
 * only (the one configured last), so the plan kept the first and this flow's packets would go the wrong way.
 */
export const routeConflicts: Rule = {
  id: 'route-conflicts',
  codes: ['route-conflict'],
  run({ plan, label }) {
    return plan.conflicts.map((c) => ({
      code: 'route-conflict',
      severity: 'error' as const,
      message: `On ${label(c.hostId)}, flow ${c.flowId} needs ${formatPrefix(c.prefix)} routed to ${label(c.refused)}, but it is already routed to ${label(c.kept)}; a prefix can sit under one peer only. Make the paths symmetric (add or remove a tunnel) or route through one gateway.`,
      subjects: { hosts: [c.hostId, c.kept, c.refused], flows: c.flowId ? [c.flowId] : [] },
    }));
  },
};
