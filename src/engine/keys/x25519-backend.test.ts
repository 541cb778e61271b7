import { afterEach, describe, expect, it } from 'vitest';
import { KeyError } from './key-error';
import { generatePresharedKey, generatePresharedKeys } from './preshared-key';
import { publicKeysOf } from './public-keys-batch';
import { seededRandom } from './seeded-random';
import { nobleX25519Base, resetX25519, useX25519, x25519Base } from './x25519-backend';
import { generateKeypair, generateKeypairs, publicKeyOf } from './x25519-keys';

afterEach(() => resetX25519());

describe('useX25519', () => {
  it('refuses a backend that gives wrong public keys or throws, and keeps @noble/curves', () => {
    expect(() => useX25519((k) => k)).toThrow(KeyError);
    expect(() => useX25519(() => { throw new Error('no X25519 here'); })).toThrow(/self-test: no X25519 here/);
    expect(x25519Base()).toBe(nobleX25519Base);
  });

  it('refuses a backend that does not clamp like RFC 7748', () => {
    const unclamping = (k: Uint8Array) => (k[0] === 0xff ? new Uint8Array(32) : nobleX25519Base(k));
    expect(() => useX25519(unclamping)).toThrow(/self-test/);
  });

  it('installs a correct backend for publicKeyOf and publicKeysOf', async () => {
    let calls = 0;
    useX25519((k) => { calls++; return nobleX25519Base(k); });
    const { privateKey, publicKey } = generateKeypair(seededRandom(3));
    calls = 0;
    expect(publicKeyOf(privateKey)).toBe(publicKey);
    expect(await publicKeysOf([privateKey, privateKey])).toEqual([publicKey, publicKey]);
    expect(calls).toBe(3);
  });
});

describe('batches', () => {
  it('generateKeypairs gives the keys of as many generateKeypair calls, from the same stream', () => {
    const one = seededRandom(11);
    expect(generateKeypairs(seededRandom(11), 5)).toEqual(Array.from({ length: 5 }, () => generateKeypair(one)));
  });

  it('generatePresharedKeys gives the keys of as many generatePresharedKey calls', () => {
    const one = seededRandom(12);
    expect(generatePresharedKeys(seededRandom(12), 300)).toEqual(Array.from({ length: 300 }, () => generatePresharedKey(one)));
  });

  it('refuses a random source that returns zeros, for any key of the batch', () => {
    let n = 0;
    const zerosLater = (out: Uint8Array) => { seededRandom(1)(out); out.fill(0, 64, 96); n++; };
    expect(() => generatePresharedKeys(zerosLater, 4)).toThrow(KeyError);
    expect(n).toBe(1);
  });
});

describe('the self-test vectors', () => {
  it('are what @noble/curves computes', () => {
    // Alice, Bob (RFC 7748 6.1) and the unclamped key ff fe ... e0.
    const unclamped = Uint8Array.from({ length: 32 }, (_, i) => 0xff - i);
    expect(Buffer.from(nobleX25519Base(unclamped)).toString('hex')).toBe('3ebcb692149344dc54e58160cf90bed9eea1dd14e81c8e91de557af7d7afd915');
  });
});
