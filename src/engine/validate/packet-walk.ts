import { addressOf, formatAddress } from '../net';
import type { Address, Family, Prefix } from '../net';
import { SCAN_LIMIT } from '../net';
import type { FirewallRule, FlowPlan, HostPlan } from '../plan/types';
import { holdsAddress } from '../net';
import type { RuleContext } from './rule';
import type { RouteTable } from './route-table';
import { net } from './text';

/** Where and why a flow's packets stop. */
export interface Blocked {
  direction: 'request' | 'reply' | 'family';
  at: string;
  reason: string;
}

/**
 * Walks a planned flow's first packet hop by hop through the plan, then its reply back, as the hosts would handle
 * them: at each hop WireGuard's source check (the source must be in the AllowedIPs of the peer it came from),
 * forwarding where the host routes, the firewall intent for new connections (replies pass as established), and the
 * route the kernel picks for the destination (longest prefix over the lans and AllowedIPs). Every address family
 * both ends have is walked. Returns the first place it fails, or null. O(hops) lookups, each O(distinct lengths).
 */
export function walkFlow(ctx: RuleContext, f: FlowPlan): Blocked | null {
  const path = f.path;
  if (!path) return null;
  let walked = false;
  for (const fam of FAMILIES) {
    const src = first(f.sources, fam);
    const dst = src && first(f.destinations, fam);
    if (!src || !dst) continue;
    walked = true;
    const blocked = request(ctx, f, path, src, dst) ?? reply(ctx, f, path, src, dst);
    if (blocked) return blocked;
  }
  if (walked) return null;
  return { direction: 'family', at: f.from, reason: `${f.from} has only ${fams(f.sources)} overlay addresses and the target only ${fams(f.destinations)}` };
}

/**
 * The firewall rule that admits a flow's first packet where it is delivered (the target's inbound chain, or the
 * gateway's forward chain for a service in its lan), for a flow that walkFlow lets through: the host it is on and the
 * flow id that put it there. Null without a path or a rule.
 */
export function admittedBy(ctx: RuleContext, f: FlowPlan): { at: string; flowId: string } | null {
  const at = f.path?.[f.path.length - 1];
  const hp = at === undefined ? undefined : ctx.index.hostPlan(at);
  if (at === undefined || !hp) return null;
  for (const fam of FAMILIES) {
    const src = first(f.sources, fam);
    const dst = src && first(f.destinations, fam);
    if (!src || !dst) continue;
    const rule = hp.firewall[f.toService ? 'forward' : 'inbound'].find((r) => admits(r, f, src, dst));
    if (rule) return { at, flowId: rule.flowId };
  }
  return null;
}

function request(ctx: RuleContext, f: FlowPlan, path: readonly string[], src: Address, dst: Address): Blocked | null {
  const fail = (at: string, reason: string): Blocked => ({ direction: 'request', at, reason });
  const last = path.length - 1;
  for (let i = 0; i <= last; i++) {
    const here = path[i] as string;
    const hp = ctx.index.hostPlan(here);
    if (!hp) return fail(here, `${here} has no plan`);
    const table = ctx.index.routeTable(here);
    if (i > 0) {
      const dropped = sourceCheck(ctx, table, here, path[i - 1] as string, src);
      if (dropped) return fail(here, dropped);
    }
    if (i === last && !f.toService) {
      return allows(ctx, hp, 'inbound', f, src, dst) ? null
        : fail(here, `its firewall does not accept ${f.proto}/${f.port} from ${text(src)} to ${text(dst)} on the tunnel`);
    }
    if (i > 0) {
      if (!forwards(hp, dst.family)) return fail(here, `IPv${dst.family} forwarding is off on ${here}, which must route this flow`);
      if (!allows(ctx, hp, 'forward', f, src, dst)) return fail(here, `its firewall does not forward ${f.proto}/${f.port} from ${text(src)} to ${text(dst)}`);
    } else if (!allows(ctx, hp, 'outbound', f, src, dst)) {
      return fail(here, `its firewall does not let it open ${f.proto}/${f.port} to ${text(dst)} on the tunnel`);
    }
    const wrong = i === last ? intoLan(table, here, dst) : routedTo(table, here, dst, path[i + 1] as string);
    if (wrong) return fail(here, wrong);
  }
  return null;
}

function reply(ctx: RuleContext, f: FlowPlan, path: readonly string[], src: Address, dst: Address): Blocked | null {
  const fail = (at: string, reason: string): Blocked => ({ direction: 'reply', at, reason });
  const last = path.length - 1;
  for (let j = last; j >= 0; j--) {
    const here = path[j] as string;
    const hp = ctx.index.hostPlan(here);
    if (!hp) return fail(here, `${here} has no plan`);
    const table = ctx.index.routeTable(here);
    if (j < last) {
      const dropped = sourceCheck(ctx, table, here, path[j + 1] as string, dst);
      if (dropped) return fail(here, dropped);
    }
    if (j === 0) return null;
    if ((j < last || f.toService) && !forwards(hp, src.family)) {
      return fail(here, `IPv${src.family} forwarding is off on ${here}, which must route the replies`);
    }
    const wrong = routedTo(table, here, src, path[j - 1] as string);
    if (wrong) return fail(here, wrong);
  }
  return null;
}

/** Why WireGuard on `here` drops a packet from `from` with this source, or null when it passes. */
function sourceCheck({ index }: RuleContext, table: RouteTable, here: string, from: string, source: Address): string | null {
  const hit = table.wireguard(source);
  // The route table is made of the peers' AllowedIPs, so a hit on `from` also proves `here` has that peer.
  if (hit?.peer === from) return null;
  if (!index.peer(here, from)) return `${here} has no peer entry for ${from}`;
  const where = hit?.peer ? ` (${net(hit.prefix)} is under ${hit.peer} there)` : '';
  return `WireGuard on ${here} drops it: the source ${text(source)} is not in the AllowedIPs of ${from}${where}`;
}

/** Why `here` does not send `dst` on to `next`, or null when its route does. */
function routedTo(table: RouteTable, here: string, dst: Address, next: string): string | null {
  const hit = table.kernel(dst);
  if (hit?.peer === next) return null;
  if (hit === null) return `${here} has no route to ${text(dst)} (it is in no AllowedIPs and no lan)`;
  if (hit.peer === null) return `${here} delivers ${text(dst)} into its own lan ${net(hit.prefix)} instead of sending it on to ${next}`;
  return `${here} routes ${text(dst)} to ${hit.peer} (AllowedIPs ${net(hit.prefix)}), not on to ${next}`;
}

/** Why the gateway does not deliver `dst` into its lan, or null when it does. */
function intoLan(table: RouteTable, here: string, dst: Address): string | null {
  const hit = table.kernel(dst);
  if (hit !== null && hit.peer === null) return null;
  if (hit === null) return `${text(dst)} is in none of ${here}'s lans`;
  return `${here} routes ${text(dst)} back into the tunnel to ${hit.peer} (AllowedIPs ${net(hit.prefix)}) instead of into its lan`;
}

function forwards(hp: HostPlan, family: Family): boolean {
  return family === 4 ? hp.forwardIPv4 : hp.forwardIPv6;
}

/** Whether a rule of this chain lets the flow's first packet through: its own rules first, then any other's. */
function allows({ index }: RuleContext, hp: HostPlan, chain: 'inbound' | 'forward' | 'outbound', f: FlowPlan, src: Address, dst: Address): boolean {
  const rules = hp.firewall[chain];
  // A long chain (a hub's holds a rule per spoke): the flow's own rules, found by flow id rather than a scan per flow.
  if (rules.length > SCAN_LIMIT) {
    for (const r of index.rulesByFlow(rules).get(f.flowId) ?? []) if (admits(r, f, src, dst)) return true;
  }
  // Any rule that lets it through (the flow's own, in a short chain; another flow's, when its own does not).
  for (const r of rules) if (admits(r, f, src, dst)) return true;
  return false;
}

/**
 * Whether rule `r` admits the flow's packet from `src` to `dst`, which the walk took from the flow's own `sources` and
 * `destinations`: a rule made from this flow holds those very lists, and a list holds the addresses taken from it,
 * with no address math (the flow's own rules are most of what a walk asks about).
 */
function admits(r: FirewallRule, f: FlowPlan, src: Address, dst: Address): boolean {
  return r.proto === f.proto && r.port === f.port
    && (r.sources === f.sources || holds(r.sources, src)) && (r.destinations === f.destinations || holds(r.destinations, dst));
}

const FAMILIES = [4, 6] as const;

function first(list: readonly Prefix[], family: Family): Address | null {
  for (const p of list) if (p.family === family) return addressOf(p);
  return null;
}

/** Whether one of `list` holds `a`. */
function holds(list: readonly Prefix[], a: Address): boolean {
  for (const p of list) if (holdsAddress(p, a)) return true;
  return false;
}

function fams(list: readonly Prefix[]): string {
  return [...new Set(list.map((p) => `IPv${p.family}`))].join('/') || 'no';
}

function text(a: Address): string {
  return formatAddress(a);
}
