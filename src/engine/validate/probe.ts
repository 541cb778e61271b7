import type { Proto } from '../model/design';
import { resolveProbe } from '../plan/flows';
import type { TunnelPlan } from '../plan/types';
import { admittedBy, walkFlow } from './packet-walk';
import type { RuleContext } from './rule';

/** One packet the design need not declare: from a host to a host (or a service behind a gateway) on one port. */
export interface Probe {
  from: string;
  /** A host id or `gateway-id/service-id`. */
  to: string;
  port: number;
  proto: Proto;
}

/**
 * What the packet walk says of a probe. Reachable: the host whose firewall admits it and the flow whose rule does
 * (`viaFlow`, null when no rule of a flow is the one: cannot happen for a walked packet, kept for safety). Blocked:
 * the host where it stops and why, in packet-walk's words.
 */
export type Verdict =
  | { reachable: true; path: readonly string[]; at: string; viaFlow: string | null }
  | { reachable: false; path: readonly string[] | null; at: string; reason: string };

const NO_TUNNELS: ReadonlyMap<string, TunnelPlan> = new Map();

/** Walks a probe through the plan as walkFlow walks a declared flow (same path, same checks, request and reply). */
export function probe(ctx: RuleContext, p: Probe): Verdict {
  // The path MTU plays no part in the walk: no tunnel plans needed.
  const f = resolveProbe('probe', p.from, p.to, p.port, p.proto, ctx.plan.topology, NO_TUNNELS);
  if (!f) return { reachable: false, path: null, at: p.from, reason: `${p.to} is not in the design` };
  if (!f.path) return { reachable: false, path: null, at: p.from, reason: f.unroutable ?? 'no path' };
  const blocked = walkFlow(ctx, f);
  if (blocked) {
    const where = blocked.direction === 'reply' ? 'replies are dropped: ' : '';
    return { reachable: false, path: f.path, at: blocked.at, reason: `${where}${blocked.reason}` };
  }
  const via = admittedBy(ctx, f);
  return { reachable: true, path: f.path, at: via?.at ?? f.to, viaFlow: via?.flowId ?? null };
}

/** `admitted at pg by flow f1's rule (app-1 -> hub -> pg)` or `blocked at hub: <reason>`: a verdict in words. */
export function verdictText(ctx: RuleContext, v: Verdict): string {
  if (!v.reachable) return `blocked at ${ctx.label(v.at)}: ${v.reason}`;
  const rule = v.viaFlow === null ? 'its firewall' : `the rule of flow ${v.viaFlow}`;
  return `admitted at ${ctx.label(v.at)} by ${rule} (path ${v.path.join(' -> ')})`;
}
