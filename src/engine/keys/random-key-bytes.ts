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
