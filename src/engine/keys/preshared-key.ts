import { randomKeyBatch, randomKeyBytes } from './random-key-bytes';
import type { RandomSource } from './random-source';
import { encodeKey } from './wg-base64';

/**
 * A new preshared key: 32 random bytes, encoded but not clamped, as `wg genpsk`. It is mixed into the handshake as
 * a symmetric secret (post-quantum hedge), never used as a curve scalar, so every bit stays random.
 */
export function generatePresharedKey(random: RandomSource): string {
  return encodeKey(randomKeyBytes(random));
}

/** `count` new preshared keys from one call of `random` (4,950 for a 100-host mesh cost one getRandomValues each 2,048). */
export function generatePresharedKeys(random: RandomSource, count: number): string[] {
  return randomKeyBatch(random, count).map(encodeKey);
}
