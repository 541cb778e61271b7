import type { Host, Role } from '../../model/design';
import { addressOf, formatPrefix } from '../../net';
import type { Prefix } from '../../net';
import type { Finding, Severity } from '../finding';
import { freshAddresses } from '../fresh-addresses';
import { holdsAddress, inRange, rangeOf } from '../../net';
import type { Rule } from '../rule';
import { addr, listText } from '../text';

interface Stray {
  host: Host;
  at: number;
  prefix: Prefix;
  pool: Prefix;
  /** The other role whose pool holds the address, if any. */
  inPoolOf: Role | null;
}

/**
 * Overlay addresses outside their role's pool. In another role's pool it is a warning: readers of the configs and
 * the summarised AllowedIPs take the pool for that role. Outside every pool (typical of imported configs) it is
 * information. One finding per role and severity, with a fix that renumbers into the pool. External hosts keep the
 * addresses their own configs give them. An address two hosts claim waits for address-duplicate, whose fix
 * renumbers from the pool anyway.
 */
export const addressOutsidePool: Rule = {
  id: 'address-outside-pool',
  codes: ['address-outside-pool'],
  run({ design, plan, index, label }) {
    const ranges = index.pools.map((p) => ({ ...p, range: rangeOf(p.prefix) }));
    const v6 = ranges.find((p) => p.name === 'ipv6');
    const strays: Stray[] = [];
    const byRole = new Map(ranges.map((r) => [r.name, r]));
    for (const hp of plan.hosts) {
      const host = hp.host;
      if (host.external) continue;
      const own = byRole.get(host.role);
      const addresses = index.parsed(host.id)?.addresses ?? [];
      for (let at = 0; at < addresses.length; at++) {
        const p = addresses[at] as Prefix;
        const pool = p.family === 6 && v6 ? v6 : own;
        const a = addressOf(p);
        if (index.sharedAddresses.has(a)) continue;
        if (!pool || pool.prefix.family !== p.family || holdsAddress(pool.prefix, a)) continue;
        const other = ranges.find((r) => r.name !== host.role && r.name !== 'ipv6' && inRange(r.range, a))?.name ?? null;
        strays.push({ host, at, prefix: p, pool: pool.prefix, inPoolOf: other as Role | null });
      }
    }
    if (strays.length === 0) return [];
    const groups = new Map<string, Stray[]>();
    for (const s of strays) {
      const key = `${s.host.role} ${s.inPoolOf === null ? 'info' : 'warning'}`;
      const list = groups.get(key) ?? [];
      list.push(s);
      groups.set(key, list);
    }
    const all = [...groups.values()];
    const fresh = freshAddresses(design, all.flat().map((s) => s.pool));
    let next = 0;
    return all.map((list): Finding => {
      const first = list[0] as Stray;
      const role = first.host.role;
      const severity: Severity = first.inPoolOf === null ? 'info' : 'warning';
      const shown = list.map((s) => `${label(s.host.id)} at ${addr(s.prefix)}${s.inPoolOf ? ` (in the ${s.inPoolOf} pool)` : ''}`);
      const why = severity === 'warning'
        ? 'a pool is how the configs and the summarised AllowedIPs tell roles apart'
        : 'allocation and the overlap checks know the pools; these addresses are managed by hand';
      const finding: Finding = {
        code: 'address-outside-pool',
        severity,
        message: `${list.length === 1 ? 'An' : list.length} ${role} host${list.length === 1 ? ' has an address' : 's have addresses'} outside the ${role} pool ${formatPrefix(first.pool)}: ${listText(shown)}; ${why}.`,
        subjects: { hosts: [...new Set(list.map((s) => s.host.id))] },
      };
      const got = list.map(() => fresh[next++] ?? null);
      if (got.every((p) => p !== null)) {
        const byHost = new Map<string, string[]>();
        list.forEach((s, j) => {
          const addresses = byHost.get(s.host.id) ?? [...s.host.addresses];
          addresses[s.at] = formatPrefix({ ...(got[j] as Prefix), len: s.prefix.len });
          byHost.set(s.host.id, addresses);
        });
        finding.fix = {
          label: `Renumber into the ${role} pool ${formatPrefix(first.pool)}`,
          changes: [...byHost].map(([id, addresses]) => ({ target: 'host' as const, id, set: { addresses } })),
        };
      }
      return finding;
    });
  },
};
