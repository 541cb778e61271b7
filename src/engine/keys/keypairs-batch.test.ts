import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateKeypairsFast } from './keypairs-batch';
import { seededRandom } from './seeded-random';
import { generateKeypairs, publicKeyOf } from './x25519-keys';

describe('generateKeypairsFast', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes the keys generateKeypairs makes from the same random source (Web Crypto X25519 here, Node >= 20)', async () => {
    const fast = await generateKeypairsFast(seededRandom(7), 40);
    expect(fast).toEqual(generateKeypairs(seededRandom(7), 40));
    for (const k of fast.slice(0, 5)) expect(k.publicKey).toBe(publicKeyOf(k.privateKey));
  });

  it('uses @noble/curves for every key when Web Crypto gets an RFC 7748 vector wrong', async () => {
    const subtle = crypto.subtle;
    const deriveBits = vi.fn(async (...args: Parameters<SubtleCrypto['deriveBits']>) => {
      const bits = new Uint8Array(await subtle.deriveBits(...args));
      bits[0] = (bits[0] ?? 0) ^ 1; // a platform whose X25519 is subtly wrong
      return bits.buffer;
    });
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto), subtle: { importKey: subtle.importKey.bind(subtle), deriveBits } });
    const keys = await generateKeypairsFast(seededRandom(7), 10);
    expect(deriveBits).toHaveBeenCalled();
    expect(keys).toEqual(generateKeypairs(seededRandom(7), 10));
  });

  it('uses @noble/curves when the runtime has no Web Crypto, and makes nothing for 0', async () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    expect(await generateKeypairsFast(seededRandom(3), 5)).toEqual(generateKeypairs(seededRandom(3), 5));
    expect(await generateKeypairsFast(seededRandom(3), 0)).toEqual([]);
  });
});
