import { KeyError } from './key-error';
import type { RandomSource } from './random-source';
import { KEY_BYTES } from './wg-base64';

/** 32 bytes from `random`, refusing an all-zero result: that means a broken or stubbed source, never chance. */
export function randomKeyBytes(random: RandomSource): Uint8Array {
  const bytes = new Uint8Array(KEY_BYTES);
  random(bytes);
  if (bytes.every((byte) => byte === 0)) {
    throw new KeyError('the random source returned 32 zero bytes; refusing to make a key');
  }
  return bytes;
}

/**
 * `count` keys' worth of random bytes from one call of `random` (one `getRandomValues` per 2,048 keys instead of
 * one per key), as 32-byte views; the same bytes, in the same order, as `count` calls of randomKeyBytes.
 */
export function randomKeyBatch(random: RandomSource, count: number): Uint8Array[] {
  const all = new Uint8Array(count * KEY_BYTES);
  random(all);
  return Array.from({ length: count }, (_, i) => {
    const bytes = all.subarray(i * KEY_BYTES, (i + 1) * KEY_BYTES);
    if (bytes.every((byte) => byte === 0)) {
      throw new KeyError('the random source returned 32 zero bytes; refusing to make a key');
    }
    return bytes;
  });
}
