import { x25519 } from '@noble/curves/ed25519.js';
import { decodeKey, encodeKey } from './wg-base64';
import { webCryptoPublicKeys } from './webcrypto-x25519';

/**
 * The public keys of many private keys, same results as `publicKeyOf`. Uses the runtime's Web Crypto X25519 when it
 * works (native code, off the main thread in Node) and @noble/curves otherwise. Throws KeyError for a malformed key.
 */
export async function publicKeysOf(privateKeys: readonly string[]): Promise<string[]> {
  // Decode first so a malformed key is a KeyError whichever backend runs, not a silent fallback.
  const scalars = privateKeys.map(decodeKey);
  if (scalars.length === 0) return [];
  try {
    return (await webCryptoPublicKeys(scalars)).map(encodeKey);
  } catch {
    // Feature detection is at call time and any failure (missing algorithm, a browser quirk) means noble.
    return scalars.map((scalar) => encodeKey(x25519.getPublicKey(scalar)));
  }
}
