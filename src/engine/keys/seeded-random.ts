import type { RandomSource } from './random-source';

/**
 * A deterministic byte stream from `seed` (splitmix32). FOR TESTS AND REPRODUCIBLE FIXTURES ONLY: anyone who knows
 * or guesses the seed (there are only 2^53 of them) can recompute every key made from it. Real keys use `cryptoRandom`.
 */
export function seededRandom(seed: number): RandomSource {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seededRandom: seed must be a safe integer, got ${seed}`);
  // Fold the high bits in so that seeds differing only above bit 31 still give different streams.
  let state = (seed ^ Math.imul(Math.floor(seed / 2 ** 32), 0x9e3779b9)) >>> 0;
  const next = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return (out) => {
    for (let i = 0; i < out.length; i += 4) {
      const word = next();
      for (let b = 0; b < 4 && i + b < out.length; b++) out[i + b] = (word >>> (8 * b)) & 0xff;
    }
  };
}
