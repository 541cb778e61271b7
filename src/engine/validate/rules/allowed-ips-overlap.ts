import type { Prefix } from '../../net';
import { networkKey } from '../../net';
import type { PeerPlan } from '../../plan/types';
import type { Finding, FixChange } from '../finding';
import { groupPrefixes, sweepNested } from '../../net';
import type { Rule, RuleContext } from '../rule';
import { listText, net } from '../text';

/** A prefix inside a wider one that goes to other peers, on one host's interface. */
interface Nested {
  self: string;
  outer: Prefix;
  outerPeers: string[];
  inner: Prefix;
  innerPeers: string[];
}

/**
 * AllowedIPs that overlap across the peers of one interface. The same prefix under two peers is an error: WireGuard
 * keeps it under the peer configured last, silently. A prefix inside another peer's wider one is a warning that
 * says where each part goes (the longest prefix wins), one per wider prefix. Per interface one sort and a stack
 * sweep: O(n log n), never pairwise.
 */
export const allowedIPsOverlap: Rule = {
  id: 'allowed-ips-overlap',
  codes: ['allowed-ips-duplicate', 'allowed-ips-nested'],
  run(ctx) {
    const { plan, label } = ctx;
    const out: Finding[] = [];
    const nested: Nested[] = [];
    for (const hp of plan.hosts) {
      // Overlaps matter across peers only: an interface with one peer has none, and most interfaces with many (a
      // hub, a site gateway) have none at all, which one sort of plain numbers shows without grouping.
      if (hp.peers.length < 2 || noOverlap(hp.peers)) continue;
      const self = hp.host.id;
      const items = hp.peers.flatMap((p) => p.allowedIPs.map((prefix) => ({ prefix, tag: p.hostId })));
      sweepNested(groupPrefixes(items), (group, enclosing) => {
        const peers = group.items.length === 1 ? group.items : [...new Set(group.items)];
        if (peers.length > 1) {
          // Peers are written in id order, so the last id keeps the prefix.
          const winner = [...peers].sort().at(-1) as string;
          const finding: Finding = {
            code: 'allowed-ips-duplicate',
            severity: 'error',
            message: `On ${label(self)}, ${net(group.network)} is in the AllowedIPs of ${listText(peers.map(label))}: WireGuard keeps a prefix under one peer only (here ${label(winner)}, configured last), so the others never receive that traffic and what they send from it is dropped.`,
            subjects: { hosts: [self, ...peers], tunnels: tunnelIds(ctx, self, peers) },
          };
          const changes = computedAllowedIPs(ctx, self, peers);
          if (changes.length > 0) finding.fix = { label: `Let the engine compute ${label(self)}'s AllowedIPs for these peers`, changes };
          out.push(finding);
        }
        const outer = enclosing.at(-1);
        if (!outer) return;
        const elsewhere = peers.filter((p) => !outer.items.includes(p));
        if (elsewhere.length > 0) {
          nested.push({ self, outer: outer.network, outerPeers: [...new Set(outer.items)], inner: group.network, innerPeers: elsewhere });
        }
      });
    }
    return [...out, ...nestedFindings(ctx, nested)];
  },
};

function nestedFindings({ label }: RuleContext, nested: readonly Nested[]): Finding[] {
  const byOuter = new Map<string, Nested[]>();
  for (const n of nested) {
    const key = `${n.self} ${net(n.outer)}`;
    const list = byOuter.get(key) ?? [];
    list.push(n);
    byOuter.set(key, list);
  }
  return [...byOuter.values()].map((list): Finding => {
    const { self, outer, outerPeers } = list[0] as Nested;
    const byPeers = new Map<string, string[]>();
    for (const n of list) {
      const to = listText(n.innerPeers.map(label));
      const prefixes = byPeers.get(to) ?? [];
      prefixes.push(net(n.inner));
      byPeers.set(to, prefixes);
    }
    const inner = [...byPeers].map(([to, prefixes]) => `${listText(prefixes, 3)} go${prefixes.length > 1 ? '' : 'es'} to ${to}`);
    return {
      code: 'allowed-ips-nested',
      severity: 'warning',
      message: `On ${label(self)}, ${net(outer)} goes to ${listText(outerPeers.map(label))}, but inside it ${listText(inner, 3)}: the longest prefix wins, so only the rest of ${net(outer)} reaches ${listText(outerPeers.map(label))}. Check that this split is intended.`,
      subjects: { hosts: [...new Set([self, ...outerPeers, ...list.flatMap((n) => n.innerPeers)])] },
    };
  });
}

function tunnelIds({ index }: RuleContext, self: string, peers: readonly string[]): string[] {
  return peers.map((p) => index.peer(self, p)?.tunnelId).filter((t): t is string => t !== undefined);
}

/** Clears the explicit (imported) AllowedIPs on `self`'s side of these tunnels, so the engine computes them. */
function computedAllowedIPs({ index }: RuleContext, self: string, peers: readonly string[]): FixChange[] {
  const changes: FixChange[] = [];
  for (const p of peers) {
    const id = index.peer(self, p)?.tunnelId;
    const t = id === undefined ? undefined : index.tunnel(id);
    if (!t?.allowedIPs) continue;
    const side = t.a === self ? 'ab' : 'ba';
    if (t.allowedIPs[side] !== null) changes.push({ target: 'tunnel', id: t.id, set: { [`allowedIPs.${side}`]: null } });
  }
  return changes;
}

/**
 * True when no two AllowedIPs entries of these peers overlap, shown without grouping: every IPv4 network as one
 * number (its start times 64 plus its length), sorted as a typed array, and one sweep that checks each start
 * against the furthest end so far. A duplicate or a nested network starts inside an earlier one. IPv6 entries are
 * rare: any one of them sends the interface to the full grouping.
 */
function noOverlap(peers: readonly PeerPlan[]): boolean {
  let count = 0;
  for (const p of peers) {
    for (const prefix of p.allowedIPs) {
      if (prefix.family === 6) return false;
      count++;
    }
  }
  const keys = new Float64Array(count);
  let at = 0;
  for (const p of peers) for (const prefix of p.allowedIPs) keys[at++] = networkKey(prefix) as number;
  keys.sort();
  let end = -1;
  for (const key of keys) {
    const len = key % 64;
    const start = (key - len) / 64;
    if (start <= end) return false;
    end = start + 2 ** (32 - len) - 1;
  }
  return true;
}
