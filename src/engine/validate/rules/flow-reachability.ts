import type { Prefix } from '../../net';
import type { FlowPlan } from '../../plan/types';
import type { Finding } from '../finding';
import { walkFlow } from '../packet-walk';
import type { Rule, RuleContext } from '../rule';

/**
 * Every declared flow, proven through the plan: a flow with no chain of tunnels through routers cannot work at all,
 * and a flow with one is walked hop by hop, request and reply (see walkFlow). A flow that cannot get through is an
 * error naming the host where it stops and why. A flow to or from an address two hosts claim is address-duplicate's
 * (it names the flow): where its packets go depends on which host wins, so walking it now would only echo that.
 */
export const flowReachability: Rule = {
  id: 'flow-reachability',
  codes: ['flow-unroutable', 'flow-blocked', 'flow-reply-blocked', 'flow-no-common-family'],
  run(ctx) {
    const out: Finding[] = [];
    // A replication flow with no port is planned once per port of its engine: it has no route once, not per port.
    const unroutable = new Set<string>();
    for (const f of ctx.plan.resolvedFlows) {
      // A failover replica accepts its group's floating address without a route to it (until promoted).
      if (f.routeDestinations.length === 0) continue;
      if (anyShared(ctx, f.sources) || anyShared(ctx, f.destinations)) continue;
      if (f.path === null) {
        const key = `${f.flowId} ${f.from} ${f.to}`;
        if (!f.reverse && !unroutable.has(key)) {
          unroutable.add(key);
          out.push({
            code: 'flow-unroutable',
            severity: 'error',
            message: `Flow ${describe(ctx, f)} has no route: ${f.unroutable}.`,
            subjects: subjects(ctx, f, []),
          });
        }
        continue;
      }
      const blocked = walkFlow(ctx, f);
      if (!blocked) continue;
      const at = ctx.label(blocked.at);
      const message = blocked.direction === 'request' ? `Flow ${describe(ctx, f)} is blocked at ${at}: ${blocked.reason}.`
        : blocked.direction === 'reply' ? `Replies of flow ${describe(ctx, f)} are dropped at ${at}: ${blocked.reason}.`
        : `Flow ${describe(ctx, f)} cannot work: ${blocked.reason}. Give both ends an address of one family.`;
      out.push({
        code: blocked.direction === 'request' ? 'flow-blocked' : blocked.direction === 'reply' ? 'flow-reply-blocked' : 'flow-no-common-family',
        severity: 'error',
        message,
        subjects: subjects(ctx, f, [blocked.at]),
      });
    }
    return out;
  },
};

/** Whether one of `list` is a host route to an address two hosts claim (a loop: this runs per flow plan). */
function anyShared({ index }: RuleContext, list: readonly Prefix[]): boolean {
  for (const p of list) if (index.isSharedHostRoute(p)) return true;
  return false;
}

/** `f1 (Orders API (app-1) -> Orders primary (pg-primary), tcp/5432)`; a replication flow's reply half says so. */
function describe({ index, label }: RuleContext, f: FlowPlan): string {
  const declared = index.flow(f.flowId);
  const target = f.reverse || !declared ? label(f.to) : declared.to.includes('/') ? `${declared.to} behind ${label(f.to)}` : label(f.to);
  return `${f.flowId}${f.reverse ? ' (replication, reverse direction)' : ''} (${label(f.from)} -> ${target}, ${f.proto}/${f.port})`;
}

function subjects({ index }: RuleContext, f: FlowPlan, more: readonly string[]) {
  return { flows: index.flow(f.flowId) ? [f.flowId] : [], hosts: [...new Set([f.from, f.to, ...more])] };
}
