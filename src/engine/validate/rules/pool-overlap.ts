import { containsPrefix, parsePrefix, prefixesOverlap } from '../../net';
import type { Prefix } from '../../net';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { net } from '../text';

/**
 * Two overlay pools that overlap. Allocation still avoids duplicates, but a pool no longer identifies a role, and a
 * pool summarised into one AllowedIPs entry may cover hosts of the other role. Five pools: pairwise is constant.
 */
export const poolOverlap: Rule = {
  id: 'pool-overlap',
  codes: ['pool-overlap'],
  run({ design }) {
    const pools = Object.entries(design.network.pools)
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .map(([role, text]) => ({ role, prefix: parsePrefix(text) }));
    const out: Finding[] = [];
    pools.forEach((a, i) => {
      for (const b of pools.slice(i + 1)) {
        if (!prefixesOverlap(a.prefix, b.prefix)) continue;
        out.push({
          code: 'pool-overlap',
          severity: 'warning',
          message: `${relation(a.role, a.prefix, b.role, b.prefix)}: a pool should identify its role, and a route summarised to one pool then covers hosts of the other. Give each role its own range.`,
          subjects: {},
        });
      }
    });
    return out;
  },
};

function relation(ra: string, a: Prefix, rb: string, b: Prefix): string {
  if (a.len === b.len) return `The ${ra} and ${rb} pools are the same network, ${net(a)}`;
  const [outerRole, outer, innerRole, inner] = containsPrefix(a, b) ? [ra, a, rb, b] : [rb, b, ra, a];
  return `The ${outerRole} pool ${net(outer)} contains the ${innerRole} pool ${net(inner)}`;
}
