import { describe, expect, it } from 'vitest';
import { generatePresharedKey } from './preshared-key';
import { seededRandom } from './seeded-random';
import { decodeKey, encodeKey } from './wg-base64';

describe('generatePresharedKey', () => {
  it('encodes the random bytes unclamped, as `wg genpsk`', () => {
    const expected = new Uint8Array(32);
    seededRandom(5)(expected);
    expect(generatePresharedKey(seededRandom(5))).toBe(encodeKey(expected));
  });

  it('keeps the bits clamping would clear', () => {
    // Over 64 keys, a clamped generator would never set bit 0 or bit 255, nor ever clear bit 254.
    const random = seededRandom(6);
    const keys = Array.from({ length: 64 }, () => decodeKey(generatePresharedKey(random)));
    expect(keys.some((key) => ((key[0] ?? 0) & 1) === 1)).toBe(true);
    expect(keys.some((key) => ((key[31] ?? 0) & 0x80) !== 0)).toBe(true);
    expect(keys.some((key) => ((key[31] ?? 0) & 0x40) === 0)).toBe(true);
  });

  it('refuses a random source that writes nothing', () => {
    expect(() => generatePresharedKey(() => undefined)).toThrow(/random source returned 32 zero bytes/);
  });
});
