import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPrefix, formatPrefix, networkOf, parsePrefix } from '../net';
import type { Prefix } from '../net';
import { groupPrefixes, sweepNested } from './prefix-groups';

const v4 = fc.record({ family: fc.constant(4 as const), addr: fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }), len: fc.integer({ min: 0, max: 32 }) });
const v6 = fc.record({ family: fc.constant(6 as const), addr: fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }), len: fc.integer({ min: 0, max: 128 }) });
// Short lengths on few bits make nesting and duplicates common.
const crowded = fc.record({ family: fc.constant(4 as const), addr: fc.bigInt({ min: 0n, max: 15n }).map((x) => x << 28n), len: fc.integer({ min: 0, max: 6 }) });

/** Every (outer, inner) network pair the sweep reports, as text. */
function swept(prefixes: readonly Prefix[]): string[] {
  const out: string[] = [];
  sweepNested(groupPrefixes(prefixes.map((prefix) => ({ prefix, tag: null }))), (g, enclosing) => {
    for (const e of enclosing) out.push(`${formatPrefix(e.network)} > ${formatPrefix(g.network)}`);
  });
  return out.sort();
}

/** The same, pairwise: what the sweep must equal. */
function pairwise(prefixes: readonly Prefix[]): string[] {
  const nets = [...new Map(prefixes.map((p) => [formatPrefix(networkOf(p)), networkOf(p)])).values()];
  const out: string[] = [];
  for (const a of nets) for (const b of nets) if (a !== b && containsPrefix(a, b)) out.push(`${formatPrefix(a)} > ${formatPrefix(b)}`);
  return out.sort();
}

describe('groupPrefixes and sweepNested', () => {
  it('group equal networks, host bits or not', () => {
    const groups = groupPrefixes(['10.0.0.5/24', '10.0.0.0/24', 'fd00::/64'].map((t, i) => ({ prefix: parsePrefix(t), tag: i })));
    expect(groups.map((g) => [formatPrefix(g.network), g.items])).toEqual([['10.0.0.0/24', [0, 1]], ['fd00::/64', [2]]]);
  });

  it('find exactly the nested pairs a pairwise check finds', () => {
    fc.assert(fc.property(fc.array(fc.oneof(v4, v6, crowded), { maxLength: 40 }), (ps) => {
      expect(swept(ps)).toEqual(pairwise(ps));
    }));
  });
});
