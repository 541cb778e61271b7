import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyError } from './key-error';
import { publicKeysOf } from './public-keys-batch';
import { seededRandom } from './seeded-random';
import { webCryptoPublicKeys } from './webcrypto-x25519';
import { decodeKey, encodeKey } from './wg-base64';
import { generatePrivateKey, publicKeyOf } from './x25519-keys';

// 25 clamped keys as `wg genkey` makes them, and 25 raw unclamped ones as other tools may write them.
const random = seededRandom(2024);
const PRIVATE_KEYS = Array.from({ length: 50 }, (_, i) => {
  if (i % 2 === 0) return generatePrivateKey(random);
  const raw = new Uint8Array(32);
  random(raw);
  return encodeKey(raw);
});
const EXPECTED = PRIVATE_KEYS.map(publicKeyOf);

describe('publicKeysOf', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('equals publicKeyOf for 50 keys', async () => {
    expect(await publicKeysOf(PRIVATE_KEYS)).toEqual(EXPECTED);
  });

  it('uses Web Crypto X25519 here (Node >= 20), and it agrees with @noble/curves', async () => {
    const out = await webCryptoPublicKeys(PRIVATE_KEYS.map(decodeKey));
    expect(out.map(encodeKey)).toEqual(EXPECTED);
  });

  it('falls back to @noble/curves when crypto.subtle is missing', async () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    await expect(webCryptoPublicKeys([])).rejects.toThrow(/not available/);
    expect(await publicKeysOf(PRIVATE_KEYS)).toEqual(EXPECTED);
  });

  it('falls back to @noble/curves when Web Crypto rejects X25519', async () => {
    const refuse = () => Promise.reject(new Error('NotSupportedError: X25519'));
    // getRandomValues stays: noble blinds its base-point multiplication with fresh randomness.
    const getRandomValues = crypto.getRandomValues.bind(crypto);
    vi.stubGlobal('crypto', { getRandomValues, subtle: { importKey: refuse, deriveBits: refuse } });
    expect(await publicKeysOf(PRIVATE_KEYS.slice(0, 5))).toEqual(EXPECTED.slice(0, 5));
  });

  it('throws KeyError for a malformed key instead of falling back', async () => {
    await expect(publicKeysOf([PRIVATE_KEYS[0] ?? '', 'nope'])).rejects.toThrow(KeyError);
  });

  it('returns [] for no keys', async () => {
    expect(await publicKeysOf([])).toEqual([]);
  });
});
