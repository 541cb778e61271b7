import { familyBits } from './family';
import { makePrefix, parsePrefix } from './prefix';
import type { Prefix } from './prefix';
import { containsPrefix, prefixFirst, prefixLast } from './range';

// Where a site lan may be renumbered to: the private ranges (RFC 1918, RFC 6598 shared space, RFC 4193 ULA).
const PRIVATE_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'].map(parsePrefix);
// A bound on the gaps examined, so a crowded range costs milliseconds at worst, never a scan of a /8.
const MAX_STEPS = 4096;

/**
 * The nearest prefix after `wanted`, of its length and inside the same private range, that overlaps nothing in
 * `taken` (wrapping round to the range's start); null when `wanted` is in no private range or none is free. Taken
 * ranges are merged and binary-searched, and the search jumps past each one: O(t log t + steps · log t).
 */
export function freePrefixLike(wanted: Prefix, taken: readonly Prefix[]): Prefix | null {
  const block = PRIVATE_BLOCKS.find((b) => containsPrefix(b, wanted));
  if (!block) return null;
  const spans = merged(taken.filter((p) => p.family === wanted.family));
  const size = 1n << BigInt(familyBits(wanted.family) - wanted.len);
  const lo = prefixFirst(block);
  const hi = prefixLast(block);
  const start = prefixFirst(wanted);
  let at = start + size;
  let wrapped = false;
  for (let step = 0; step < MAX_STEPS; step++) {
    if (at + size - 1n > hi) {
      if (wrapped) return null;
      wrapped = true;
      at = lo;
    }
    if (wrapped && at >= start) return null;
    const span = spans[firstEndingAtOrAfter(spans, at)];
    if (span === undefined || span.first > at + size - 1n) return makePrefix(wanted.family, at, wanted.len);
    // Jump to the first aligned block after the clashing span.
    at = ((span.last + size) / size) * size;
  }
  return null;
}

interface Span {
  first: bigint;
  last: bigint;
}

function merged(prefixes: readonly Prefix[]): Span[] {
  const spans = prefixes.map((p) => ({ first: prefixFirst(p), last: prefixLast(p) })).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const out: Span[] = [];
  for (const s of spans) {
    const top = out.at(-1);
    if (top && s.first <= top.last + 1n) top.last = s.last > top.last ? s.last : top.last;
    else out.push({ ...s });
  }
  return out;
}

/** Index of the first span whose end is at or after `value` (spans are disjoint and sorted). */
function firstEndingAtOrAfter(spans: readonly Span[], value: bigint): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as Span).last < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
