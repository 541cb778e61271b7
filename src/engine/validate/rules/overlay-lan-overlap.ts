import type { Host } from '../../model/design';
import { addressOf, hostPrefix, rangeTest } from '../../net';
import type { Prefix } from '../../net';
import type { HostPlan } from '../../plan/types';
import type { Finding } from '../finding';
import type { PoolEntry } from '../rule-index';
import { groupPrefixes, sweepNested } from '../../net';
import type { Rule } from '../rule';
import { addr, listText, net } from '../text';
import { pluralNoun } from '../../text/plural';

type Item =
  | { kind: 'lan'; host: Host; lan: Prefix }
  | { kind: 'address'; host: Host; address: Prefix }
  | { kind: 'pool'; role: string; pool: Prefix };

type LanItem = Extract<Item, { kind: 'lan' }>;

/**
 * The overlay inside a site's lan. An overlay address in a lan is ambiguous: machines on that lan look for it on
 * the lan itself (ARP), never through the gateway, so their replies go nowhere. A pool that overlaps a lan does no
 * harm yet, but the next address allocated from it may land in the lan. One sorted sweep over lans, addresses and
 * pools: O(n log n), never pairwise.
 */
export const overlayLanOverlap: Rule = {
  id: 'overlay-lan-overlap',
  codes: ['overlay-in-lan', 'pool-lan-overlap'],
  run({ plan, index, label }) {
    if (!anyOverlayInLans(plan.hosts, index.pools, (id) => index.lans(id))) return [];
    const items: Array<{ prefix: Prefix; tag: Item }> = [];
    let lanCount = 0;
    for (const hp of plan.hosts) {
      const host = hp.host;
      for (const lan of index.lans(host.id)) items.push({ prefix: lan, tag: { kind: 'lan', host, lan } });
      lanCount += host.lans.length;
      for (const p of hp.addresses) {
        const address = hostPrefix(addressOf(p));
        items.push({ prefix: address, tag: { kind: 'address', host, address } });
      }
    }
    if (lanCount === 0) return [];
    for (const { name, prefix } of index.pools) items.push({ prefix, tag: { kind: 'pool', role: name, pool: prefix } });
    // What of the overlay lies in each lan, or (pools) overlaps it.
    const hits = new Map<LanItem, { addresses: Array<{ host: Host; address: Prefix }>; pools: Array<{ role: string; pool: Prefix }> }>();
    const record = (lan: LanItem, other: Item) => {
      let entry = hits.get(lan);
      if (!entry) hits.set(lan, (entry = { addresses: [], pools: [] }));
      if (other.kind === 'address') entry.addresses.push(other);
      else if (other.kind === 'pool') entry.pools.push(other);
    };
    sweepNested(groupPrefixes(items), (group, enclosing) => {
      const lansHere = group.items.filter((i): i is LanItem => i.kind === 'lan');
      const overlayHere = group.items.filter((i) => i.kind !== 'lan');
      for (const lan of lansHere) for (const o of overlayHere) record(lan, o);
      for (const g of enclosing) {
        for (const outer of g.items) {
          if (outer.kind === 'lan') for (const o of overlayHere) record(outer, o);
          else if (outer.kind === 'pool') for (const lan of lansHere) record(lan, outer);
        }
      }
    });
    const out: Finding[] = [];
    for (const [{ host, lan }, { addresses, pools }] of hits) {
      if (addresses.length > 0) {
        out.push({
          code: 'overlay-in-lan',
          severity: 'error',
          message: `${label(host.id)}'s lan ${net(lan)} contains the overlay ${pluralNoun(addresses.length, 'address')} of ${listText(addresses.map((a) => `${label(a.host.id)} (${addr(a.address)})`))}: machines on that lan look for ${addresses.length > 1 ? 'them' : 'it'} on the lan itself, not through the tunnel, so replies never arrive. Move the overlay pools out of the site's range (or renumber the lan).`,
          subjects: { hosts: [...new Set([host.id, ...addresses.map((a) => a.host.id)])] },
        });
      }
      for (const { role, pool } of pools) {
        if (addresses.some((a) => a.host.role === role)) continue;
        out.push({
          code: 'pool-lan-overlap',
          severity: 'warning',
          message: `The ${role} pool ${net(pool)} overlaps ${label(host.id)}'s lan ${net(lan)}: an address allocated from it may land inside the lan. Choose a ${role} pool outside every site's range.`,
          subjects: { hosts: [host.id] },
        });
      }
    }
    return out;
  },
};

/**
 * Whether any overlay address or pool meets any lan (net's rangeTest: O((addresses + lans) log lans)); the full
 * sweep runs only when something is there to report.
 */
function anyOverlayInLans(
  hosts: readonly HostPlan[], pools: readonly PoolEntry[], lansOf: (id: string) => readonly Prefix[],
): boolean {
  const lans: Prefix[] = [];
  for (const hp of hosts) for (const lan of lansOf(hp.host.id)) lans.push(lan);
  if (lans.length === 0) return false;
  const inLans = rangeTest(lans);
  for (const hp of hosts) for (const p of hp.addresses) if (inLans.holds(addressOf(p))) return true;
  for (const { prefix } of pools) if (inLans.meets(prefix)) return true;
  return false;
}
