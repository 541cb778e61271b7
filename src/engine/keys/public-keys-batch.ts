import { decodeKey, encodeKey } from './wg-base64';
import { nobleX25519Base, x25519Base } from './x25519-backend';
import { webCryptoPublicKeys } from './webcrypto-x25519';

/**
 * The public keys of many private keys, same results as `publicKeyOf`. Uses the runtime's native X25519 when one
 * is installed (`useX25519`: the CLI's), else Web Crypto X25519 when it works (native code; fast in browsers, while
 * Node 20's PKCS#8 import costs about 0.5 ms a key), else @noble/curves. Throws KeyError for a malformed key.
 */
export async function publicKeysOf(privateKeys: readonly string[]): Promise<string[]> {
  // Decode first so a malformed key is a KeyError whichever backend runs, not a silent fallback.
  const scalars = privateKeys.map(decodeKey);
  if (scalars.length === 0) return [];
  const base = x25519Base();
  if (base !== nobleX25519Base) return scalars.map((scalar) => encodeKey(base(scalar)));
  try {
    return (await webCryptoPublicKeys(scalars)).map(encodeKey);
  } catch {
    // Feature detection is at call time and any failure (missing algorithm, a browser quirk) means noble.
    return scalars.map((scalar) => encodeKey(nobleX25519Base(scalar)));
  }
}
