import { describe, expect, it } from 'vitest';
import { withKnownKeypairs } from './known-keypairs';
import { seededRandom } from './seeded-random';
import { resetX25519, useX25519, nobleX25519Base } from './x25519-backend';
import { generateKeypair, publicKeyOf, publicKeysMatch } from './x25519-keys';

describe('withKnownKeypairs', () => {
  it('answers publicKeyOf from the pairs inside the call only, and derives everything else', () => {
    const pair = generateKeypair(seededRandom(4));
    const other = generateKeypair(seededRandom(5));
    let derived = 0;
    useX25519((k) => { derived++; return nobleX25519Base(k); });
    try {
      derived = 0;
      withKnownKeypairs([pair], () => {
        expect(publicKeyOf(pair.privateKey)).toBe(pair.publicKey);
        expect(publicKeysMatch(pair.privateKey, pair.publicKey)).toBe(true);
        expect(publicKeysMatch(pair.privateKey, other.publicKey)).toBe(false);
        expect(derived).toBe(0);
        expect(publicKeyOf(other.privateKey)).toBe(other.publicKey);
        expect(derived).toBe(1);
      });
      expect(publicKeyOf(pair.privateKey)).toBe(pair.publicKey);
      expect(derived).toBe(2); // forgotten after the call
    } finally {
      resetX25519();
    }
  });

  it('forgets the pairs when the call throws', () => {
    const pair = generateKeypair(seededRandom(6));
    const wrong = { privateKey: pair.privateKey, publicKey: generateKeypair(seededRandom(7)).publicKey };
    expect(() => withKnownKeypairs([wrong], () => { throw new Error('boom'); })).toThrow('boom');
    expect(publicKeyOf(pair.privateKey)).toBe(pair.publicKey);
  });
});
