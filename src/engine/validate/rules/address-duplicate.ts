import type { Design } from '../../model/design';
import { addressOf, formatPrefix, parsePrefix } from '../../net';
import type { Prefix } from '../../net';
import type { Finding } from '../finding';
import { freshAddresses, poolOf } from '../fresh-addresses';
import { addressKey } from '../../net';
import type { Rule } from '../rule';
import type { FullPlan } from '../../plan/build-plan';
import type { Holder } from '../shared-addresses';
import type { RuleIndex } from '../rule-index';
import { addr, listText } from '../text';

/**
 * One overlay address on two hosts. Peers can route it to one of them only, and WireGuard drops what the other
 * sends (its source is in the AllowedIPs of a different peer). The fix renumbers all but one host, with the lowest
 * free addresses of their pools; an external host keeps its address (its config is not ours to change).
 */
export const addressDuplicate: Rule = {
  id: 'address-duplicate',
  codes: ['address-duplicate'],
  run({ design, plan, index, label }) {
    const { list: clashes, first } = index.sharedAddresses;
    const floating = design.failover.flatMap((g): Finding[] => {
      const p = parsePrefix(g.address);
      const key = addressKey(addressOf(p));
      const one = first.get(key);
      const shared = clashes.find((c) => addressKey(addressOf(c.prefix)) === key);
      const taken = shared ? shared.holders : one ? [one] : undefined;
      if (!taken) return [];
      return [{
        code: 'address-duplicate',
        severity: 'error',
        message: `The floating address ${addr(p)} of failover group ${g.id} is also the overlay address of ${listText(taken.map((x) => label(x.host.id)))}: whichever holds it, traffic for the other goes astray. Give the group an address no host has.`,
        subjects: { hosts: [...new Set([g.primary, g.replica, ...taken.map((x) => x.host.id)])] },
      }];
    });
    if (clashes.length === 0) return floating;
    const moves = clashes.map(({ holders: list }) => {
      const keep = list.find((x) => x.host.external) ?? list[0];
      return list.filter((x) => x !== keep && !x.host.external);
    });
    const fresh = freshAddresses(design, moves.flat().map((m) => poolFor(design, m)));
    const flowsOf = flowsByShared(plan, index);
    let next = 0;
    return [...floating, ...clashes.map(({ prefix, holders: list }, i): Finding => {
      const names = list.map((x) => label(x.host.id));
      const flows = flowsOf.get(addressKey(addressOf(prefix))) ?? [];
      const waiting = flows.length === 0 ? '' : flows.length === 1 ? ` Flow ${flows[0]} uses it: its checks wait until the address is unique.`
        : ` Flows ${listText(flows, 6)} use it: their checks wait until the address is unique.`;
      const finding: Finding = {
        code: 'address-duplicate',
        severity: 'error',
        message: `${addr(prefix)} is the overlay address of ${listText(names, 6)}. Peers can route it to one of them only, and WireGuard drops packets from the others (their source is in another peer's AllowedIPs).${waiting}`,
        subjects: { hosts: list.map((x) => x.host.id), ...(flows.length > 0 ? { flows } : {}) },
      };
      const move = moves[i] ?? [];
      const got = move.map(() => fresh[next++] ?? null);
      if (move.length > 0 && got.every((p) => p !== null)) {
        finding.fix = {
          label: `Renumber ${listText(move.map((m, j) => `${label(m.host.id)} to ${addr(got[j] as Prefix)}`))}`,
          changes: move.map((m, j) => ({
            target: 'host' as const,
            id: m.host.id,
            set: { addresses: m.host.addresses.map((a, k) => (k === m.at ? withLength(got[j] as Prefix, parsePrefix(a)) : a)) },
          })),
        };
      }
      return finding;
    })];
  },
};

/**
 * The declared flows whose packets carry a shared address as source or destination (flow-reachability skips them),
 * by address key: one pass over the flows, however many addresses clash.
 */
function flowsByShared(plan: FullPlan, index: RuleIndex): Map<number | string, string[]> {
  const out = new Map<number | string, string[]>();
  const note = (p: Prefix, flowId: string) => {
    if (!index.isSharedHostRoute(p) || index.flow(flowId) === undefined) return;
    const key = addressKey(addressOf(p));
    const list = out.get(key) ?? [];
    if (!list.includes(flowId)) list.push(flowId);
    out.set(key, list);
  };
  for (const f of plan.resolvedFlows) {
    for (const p of f.sources) note(p, f.flowId);
    for (const p of f.destinations) note(p, f.flowId);
  }
  return out;
}

/** The pool the renumbered address comes from; null when the design has none of that family. */
function poolFor(design: Design, m: Holder): Prefix | null {
  const own = parsePrefix(m.host.addresses[m.at] as string);
  return poolOf(design, m.host.role, own.family);
}

/** The new address written with the old one's length, so `10.0.0.2/24` becomes `10.0.0.7/24`. */
function withLength(fresh: Prefix, old: Prefix): string {
  return formatPrefix({ ...fresh, len: old.len });
}
