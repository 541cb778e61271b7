import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyError } from './key-error';
import { seededRandom } from './seeded-random';
import { decodeKey, encodeKey, isKey } from './wg-base64';
import { clampPrivateKey, generateKeypair, generatePrivateKey, publicKeyOf, publicKeysMatch } from './x25519-keys';

const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

const isClamped = (bytes: Uint8Array): boolean =>
  ((bytes[0] ?? 1) & 0b111) === 0 && ((bytes[31] ?? 0) & 0b1100_0000) === 0b0100_0000;

describe('clampPrivateKey', () => {
  it('clears the low 3 bits and the top bit, sets bit 254, and touches nothing else', () => {
    fc.assert(
      fc.property(bytes32, (bytes) => {
        const original = Uint8Array.from(bytes);
        const clamped = clampPrivateKey(bytes);
        expect(bytes).toEqual(original); // a copy, not in place
        expect(isClamped(clamped)).toBe(true);
        expect(clamped.subarray(1, 31)).toEqual(bytes.subarray(1, 31));
        expect((clamped[0] ?? 0) >> 3).toBe((bytes[0] ?? 0) >> 3);
        expect((clamped[31] ?? 0) & 0x3f).toBe((bytes[31] ?? 0) & 0x3f);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(bytes32, (bytes) => {
        expect(clampPrivateKey(clampPrivateKey(bytes))).toEqual(clampPrivateKey(bytes));
      }),
    );
  });

  it('does not change the public key (X25519 clamps anyway, as WireGuard does)', () => {
    fc.assert(
      fc.property(bytes32, (bytes) => {
        expect(publicKeyOf(encodeKey(clampPrivateKey(bytes)))).toBe(publicKeyOf(encodeKey(bytes)));
      }),
      { numRuns: 30 },
    );
  });

  it('refuses anything but 32 bytes', () => {
    expect(() => clampPrivateKey(new Uint8Array(16))).toThrow(KeyError);
  });
});

describe('generatePrivateKey / generateKeypair', () => {
  it('makes clamped, well-formed keys, reproducible from a seed', () => {
    const key = generatePrivateKey(seededRandom(7));
    expect(isKey(key)).toBe(true);
    expect(isClamped(decodeKey(key))).toBe(true);
    expect(generatePrivateKey(seededRandom(7))).toBe(key);
    expect(generatePrivateKey(seededRandom(8))).not.toBe(key);
  });

  it('pairs each private key with its public key', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 10; i++) {
      const { privateKey, publicKey } = generateKeypair(random);
      expect(publicKey).toBe(publicKeyOf(privateKey));
      expect(publicKeysMatch(privateKey, publicKey)).toBe(true);
    }
  });

  it('refuses a random source that writes nothing', () => {
    expect(() => generatePrivateKey(() => undefined)).toThrow(/random source returned 32 zero bytes/);
  });
});

describe('publicKeyOf / publicKeysMatch', () => {
  it('throws KeyError for a malformed private key', () => {
    expect(() => publicKeyOf('not a key')).toThrow(KeyError);
  });

  it('is false, not an error, for malformed or mismatched texts', () => {
    const { privateKey, publicKey } = generateKeypair(seededRandom(3));
    expect(publicKeysMatch(privateKey, generateKeypair(seededRandom(4)).publicKey)).toBe(false);
    expect(publicKeysMatch(privateKey, `${publicKey}\n`)).toBe(false);
    expect(publicKeysMatch('garbage', publicKey)).toBe(false);
    expect(publicKeysMatch(publicKey, privateKey)).toBe(false);
  });
});
