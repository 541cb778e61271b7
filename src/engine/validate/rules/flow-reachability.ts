import type { Rule } from '../rule';

/** A declared flow with no chain of tunnels through gateways cannot work at all. */
export const flowReachability: Rule = {
  id: 'flow-reachability',
  run({ plan, label }) {
    return plan.flows.filter((f) => f.path === null && !f.reverse).map((f) => ({
      code: 'flow-unroutable',
      severity: 'error' as const,
      message: `Flow ${f.flowId} from ${label(f.from)} to ${label(f.to)} on ${f.proto}/${f.port} has no route: ${f.unroutable}.`,
      subjects: { flows: [f.flowId], hosts: [f.from, f.to] },
    }));
  },
};
