import type { Design, Host } from '../../model/design';
import { formatPrefix, parsePrefix } from '../../net';
import type { Prefix } from '../../net';
import type { Finding } from '../finding';
import { freshAddresses, poolOf } from '../fresh-addresses';
import { addressKey } from '../../plan/prefix-keys';
import type { Rule } from '../rule';
import { addr, listText } from '../text';

interface Holder {
  host: Host;
  /** Index of the address in the host's list. */
  at: number;
}

/**
 * One overlay address on two hosts. Peers can route it to one of them only, and WireGuard drops what the other
 * sends (its source is in the AllowedIPs of a different peer). The fix renumbers all but one host, with the lowest
 * free addresses of their pools; an external host keeps its address (its config is not ours to change).
 */
export const addressDuplicate: Rule = {
  id: 'address-duplicate',
  codes: ['address-duplicate'],
  run({ design, index, label }) {
    // The first holder of each address; a list only for the few addresses held twice.
    const first = new Map<number | string, Holder>();
    const holders = new Map<number | string, { prefix: Prefix; list: Holder[] }>();
    for (const host of design.hosts) {
      const addresses = index.parsed(host.id)?.addresses ?? [];
      for (let at = 0; at < addresses.length; at++) {
        const prefix = addresses[at] as Prefix;
        const key = addressKey({ family: prefix.family, value: prefix.addr });
        const seen = first.get(key);
        if (!seen) {
          first.set(key, { host, at });
          continue;
        }
        let entry = holders.get(key);
        if (!entry) holders.set(key, (entry = { prefix, list: [seen] }));
        if (!entry.list.some((x) => x.host === host)) entry.list.push({ host, at });
      }
    }
    const floating = design.failover.flatMap((g): Finding[] => {
      const p = parsePrefix(g.address);
      const key = addressKey({ family: p.family, value: p.addr });
      const one = first.get(key);
      const taken = holders.get(key) ?? (one ? { list: [one] } : undefined);
      if (!taken) return [];
      return [{
        code: 'address-duplicate',
        severity: 'error',
        message: `The floating address ${addr(p)} of failover group ${g.id} is also the overlay address of ${listText(taken.list.map((x) => label(x.host.id)))}: whichever holds it, traffic for the other goes astray. Give the group an address no host has.`,
        subjects: { hosts: [...new Set([g.primary, g.replica, ...taken.list.map((x) => x.host.id)])] },
      }];
    });
    // In the order the addresses first appear, as the hosts list them.
    const clashes: Array<{ prefix: Prefix; list: Holder[] }> = [];
    if (holders.size > 0) {
      for (const key of first.keys()) {
        const entry = holders.get(key);
        if (entry && entry.list.length > 1) clashes.push(entry);
      }
    }
    if (clashes.length === 0) return floating;
    const moves = clashes.map(({ list }) => {
      const keep = list.find((x) => x.host.external) ?? list[0];
      return list.filter((x) => x !== keep && !x.host.external);
    });
    const fresh = freshAddresses(design, moves.flat().map((m) => poolFor(design, m)));
    let next = 0;
    return [...floating, ...clashes.map(({ prefix, list }, i): Finding => {
      const names = list.map((x) => label(x.host.id));
      const finding: Finding = {
        code: 'address-duplicate',
        severity: 'error',
        message: `${addr(prefix)} is the overlay address of ${listText(names, 6)}. Peers can route it to one of them only, and WireGuard drops packets from the others (their source is in another peer's AllowedIPs).`,
        subjects: { hosts: list.map((x) => x.host.id) },
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

/** The pool the renumbered address comes from; null when the design has none of that family. */
function poolFor(design: Design, m: Holder): Prefix | null {
  const own = parsePrefix(m.host.addresses[m.at] as string);
  return poolOf(design, m.host.role, own.family);
}

/** The new address written with the old one's length, so `10.0.0.2/24` becomes `10.0.0.7/24`. */
function withLength(fresh: Prefix, old: Prefix): string {
  return formatPrefix({ ...fresh, len: old.len });
}
