import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crowdedPrefix } from './arbitraries.node';
import type { Tagged } from './overlap-index';
import { findOverlaps } from './overlap-index';
import { parsePrefix } from './prefix';
import { prefixesOverlap } from './range';

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
