import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crowdedAddress, crowdedPrefix } from './arbitraries.node';
import type { Tagged } from './overlap-index';
import { findOverlaps, groupPrefixes, rangeTest, sweepNested } from './overlap-index';
import { formatPrefix, makePrefix, networkOf, parsePrefix } from './prefix';
import type { Prefix } from './prefix';
import { containsAddress, containsPrefix, prefixesOverlap } from './range';

const tagged = (entries: Array<[string, string]>): Tagged<string>[] =>
  entries.map(([text, tag]) => ({ prefix: parsePrefix(text), tag }));

/** Pairs as sorted "a|b" keys, so the sweep's order does not matter. */
const keys = <T>(pairs: Array<[Tagged<T>, Tagged<T>]>, id: (t: Tagged<T>) => number): string[] =>
  pairs.map(([a, b]) => [id(a), id(b)].sort((x, y) => x - y).join('|')).sort();

describe('findOverlaps', () => {
  it('finds nested, equal and host-bit overlaps, and nothing across families', () => {
    const items = tagged([
      ['10.0.0.0/8', 'corp'],
      ['10.1.0.0/16', 'site'],
      ['10.1.2.3/32', 'db'],
      ['192.168.0.0/24', 'home'],
      ['192.168.0.77/24', 'home-iface'],
      ['172.16.0.0/12', 'vpc'],
      ['::/0', 'v6-default'],
      ['fd00::1/128', 'v6-db'],
    ]);
    const found = findOverlaps(items).map(([a, b]) => `${a.tag}>${b.tag}`);
    expect(found.sort()).toEqual(['corp>db', 'corp>site', 'home>home-iface', 'site>db', 'v6-default>v6-db'].sort());
  });

  it('returns no pairs for disjoint or empty input', () => {
    expect(findOverlaps([])).toEqual([]);
    expect(findOverlaps(tagged([['10.0.0.0/25', 'a'], ['10.0.0.128/25', 'b'], ['10.0.1.0/24', 'c']]))).toEqual([]);
  });

  it('reports each pair once, enclosing prefix first', () => {
    const items = tagged([['10.0.0.0/24', 'inner'], ['10.0.0.0/16', 'outer'], ['10.0.0.0/16', 'twin']]);
    const found = findOverlaps(items).map(([a, b]) => `${a.tag}>${b.tag}`);
    expect(found).toHaveLength(3);
    expect(found).toContain('outer>inner');
    expect(found).toContain('twin>inner');
  });

  it('equals the brute-force pairwise answer on random sets of up to 60 prefixes', () => {
    fc.assert(
      fc.property(fc.array(crowdedPrefix, { maxLength: 60 }), (prefixes) => {
        const items = prefixes.map((prefix, i) => ({ prefix, tag: i }));
        const brute: Array<[Tagged<number>, Tagged<number>]> = [];
        for (let i = 0; i < items.length; i++) {
          for (let j = i + 1; j < items.length; j++) {
            const a = items[i];
            const b = items[j];
            if (a && b && prefixesOverlap(a.prefix, b.prefix)) brute.push([a, b]);
          }
        }
        expect(keys(findOverlaps(items), (t) => t.tag)).toEqual(keys(brute, (t) => t.tag));
      }),
      { numRuns: 1000 },
    );
  });
});

const v4 = fc.record({ addr: fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }), len: fc.integer({ min: 0, max: 32 }) }).map(({ addr, len }) => makePrefix(4, addr, len));
const v6 = fc.record({ addr: fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }), len: fc.integer({ min: 0, max: 128 }) }).map(({ addr, len }) => makePrefix(6, addr, len));

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
    fc.assert(fc.property(fc.array(fc.oneof(v4, v6, crowdedPrefix), { maxLength: 40 }), (ps) => {
      expect(swept(ps)).toEqual(pairwise(ps));
    }));
  });
});

describe('rangeTest', () => {
  it('answers as a check against every network', () => {
    fc.assert(
      fc.property(fc.array(crowdedPrefix, { maxLength: 30 }), fc.array(crowdedAddress, { maxLength: 10 }), fc.array(crowdedPrefix, { maxLength: 10 }), (nets, addresses, queries) => {
        const test = rangeTest(nets);
        for (const a of addresses) expect(test.holds(a)).toBe(nets.some((n) => containsAddress(n, a)));
        for (const q of queries) expect(test.meets(q)).toBe(nets.some((n) => prefixesOverlap(n, q)));
      }),
      { numRuns: 500 },
    );
  });
});
