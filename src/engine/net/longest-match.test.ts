import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddress } from './address';
import { crowdedAddress, crowdedPrefix } from './arbitraries.node';
import { longestMatch } from './longest-match';
import type { Tagged } from './overlap-index';
import { parsePrefix } from './prefix';
import { containsAddress } from './range';

describe('longestMatch', () => {
  const items: Tagged<string>[] = [
    ['0.0.0.0/0', 'default'],
    ['10.0.0.0/8', 'corp'],
    ['10.1.0.0/16', 'site'],
    ['10.1.2.3/32', 'db'],
    ['10.1.0.9/16', 'site-again'],
    ['fd00::/64', 'v6-lan'],
  ].map(([text, tag]) => ({ prefix: parsePrefix(text ?? ''), tag: tag ?? '' }));
  const lookup = longestMatch(items);
  const match = (text: string): string | null => lookup(parseAddress(text))?.tag ?? null;

  it.each([
    ['10.1.2.3', 'db'],
    ['10.1.2.4', 'site'],
    ['10.2.0.1', 'corp'],
    ['192.0.2.1', 'default'],
    ['fd00::5', 'v6-lan'],
    ['fd00:0:0:1::5', null],
  ])('%s -> %s', (text, tag) => {
    expect(match(text)).toBe(tag);
  });

  it('answers null for an empty index', () => {
    expect(longestMatch([])(parseAddress('10.0.0.1'))).toBeNull();
  });

  it('equals brute force, hashed or scanned: the first of the longest containing prefixes', () => {
    fc.assert(
      fc.property(fc.array(crowdedPrefix, { maxLength: 60 }), fc.array(crowdedAddress, { minLength: 1, maxLength: 20 }), (prefixes, addresses) => {
        const tagged = prefixes.map((prefix, i) => ({ prefix, tag: i }));
        const hashed = longestMatch(tagged);
        const scanned = longestMatch(tagged, tagged.length);
        for (const a of addresses) {
          let best: Tagged<number> | null = null;
          for (const t of tagged) {
            if (containsAddress(t.prefix, a) && (best === null || t.prefix.len > best.prefix.len)) best = t;
          }
          expect(hashed(a)).toBe(best);
          expect(scanned(a)).toBe(best);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
