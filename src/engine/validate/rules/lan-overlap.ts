import type { Design, Host } from '../../model/design';
import { containsAddress, formatAddress, freePrefixLike, movedAddress, parseAddress, parsePrefix } from '../../net';
import type { Prefix } from '../../net';
import type { Finding, Fix } from '../finding';
import { groupPrefixes, sweepNested } from '../../net';
import type { PrefixGroup } from '../../net';
import type { Rule } from '../rule';
import { listText, net } from '../text';

interface Lan {
  host: Host;
  lan: Prefix;
  at: number;
}

/**
 * Two sites with overlapping lans, the classic site-to-site clash: a prefix is routed to one peer only, so traffic
 * for one site reaches the other (identical lans), or the longest prefix takes part of a site's own range away
 * (nested lans). The fix renumbers the later site's lan to the nearest free range of its size, moving the services
 * in it by the same offset; the machines on that lan must be renumbered too, which the message says.
 */
export const lanOverlap: Rule = {
  id: 'lan-overlap',
  codes: ['lan-overlap'],
  run(ctx) {
    const { design, index, label } = ctx;
    const items: Array<{ prefix: Prefix; tag: Lan }> = [];
    for (const host of design.hosts) {
      if (host.lans.length === 0) continue;
      // Parsed once per host and shared (networks, in the order the host lists them).
      index.lans(host.id).forEach((lan, at) => items.push({ prefix: lan, tag: { host, lan, at } }));
    }
    const clashes: Array<{ keep: Lan; move: Lan[]; nested: boolean }> = [];
    sweepNested(groupPrefixes(items), (group, enclosing) => {
      const here = distinctHosts(group);
      if (here.length > 1) {
        const keep = here.find((l) => l.host.external) ?? (here[0] as Lan);
        clashes.push({ keep, move: here.filter((l) => l !== keep), nested: false });
      }
      for (const outer of enclosing) {
        for (const o of distinctHosts(outer)) {
          const inner = here.filter((l) => l.host !== o.host);
          if (inner.length > 0) clashes.push({ keep: o, move: inner, nested: true });
        }
      }
    });
    if (clashes.length === 0) return [];
    const taken = takenPrefixes(design);
    return clashes.map(({ keep, move, nested }): Finding => {
      const others = move.map((m) => label(m.host.id));
      const message = nested
        ? `${listText(move.map((m) => `${label(m.host.id)}'s lan ${net(m.lan)}`))} lie${move.length > 1 ? '' : 's'} inside ${label(keep.host.id)}'s lan ${net(keep.lan)}: the longest prefix wins, so ${keep.host.id} can no longer be reached for that part of its own range.`
        : `${label(keep.host.id)} and ${listText(others)} have the same lan ${net(keep.lan)}: a prefix can be routed to one site only, so traffic for one site would reach the other.`;
      const fix = renumber(move, taken, label);
      return {
        code: 'lan-overlap',
        severity: 'error',
        message: `${message} Renumber one site${fix ? ` (e.g. ${fix.suggestion})` : ''}, or put NAT in front of it.`,
        subjects: { hosts: [keep.host.id, ...move.map((m) => m.host.id)] },
        ...(fix ? { fix: fix.fix } : {}),
      };
    });
  },
};

function distinctHosts(group: PrefixGroup<Lan>): Lan[] {
  const seen = new Set<Host>();
  return group.items.filter((l) => (seen.has(l.host) ? false : (seen.add(l.host), true)));
}

/** Every range a renumbered lan must stay clear of: lans, pools and overlay addresses. */
function takenPrefixes(design: Design): Prefix[] {
  const taken: Prefix[] = [];
  for (const h of design.hosts) for (const p of [...h.lans, ...h.addresses]) taken.push(parsePrefix(p));
  for (const p of Object.values(design.network.pools)) if (typeof p === 'string') taken.push(parsePrefix(p));
  return taken;
}

/** Renumbers each moved lan to a free range (kept in `taken` so later fixes choose other ones), services with it. */
function renumber(move: readonly Lan[], taken: Prefix[], label: (id: string) => string): { fix: Fix; suggestion: string } | null {
  const changes: Fix['changes'] = [];
  const said: string[] = [];
  for (const m of move) {
    if (m.host.external) return null;
    const fresh = freePrefixLike(m.lan, taken);
    if (fresh === null) return null;
    taken.push(fresh);
    const lans = m.host.lans.map((l, i) => (i === m.at ? net(fresh) : l));
    const services = m.host.services.map((s) => {
      const a = parseAddress(s.address);
      if (!containsAddress(m.lan, a)) return s;
      return { ...s, address: formatAddress(movedAddress(a, m.lan, fresh)) };
    });
    changes.push({ target: 'host', id: m.host.id, set: { lans, services } });
    said.push(`${label(m.host.id)}'s lan to ${net(fresh)}`);
  }
  return { fix: { label: `Renumber ${listText(said)}`, changes }, suggestion: listText(said) };
}
