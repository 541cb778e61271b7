import { randomKeyBatch } from './random-key-bytes';
import type { RandomSource } from './random-source';
import { webCryptoPublicKeys } from './webcrypto-x25519';
import { encodeKey } from './wg-base64';
import { hex, nobleX25519Base, X25519_VECTORS, x25519Base } from './x25519-backend';
import { clampPrivateKey, generateKeypairs } from './x25519-keys';
import type { Keypair } from './x25519-keys';

/**
 * `count` new keypairs, the same as `generateKeypairs(random, count)` gives (same random draw, same keys), with the
 * public keys from Web Crypto's X25519 where the runtime has it and no native backend is installed: in Chromium it
 * makes keypairs about twice as fast as @noble/curves, the bulk of the page's export of a large design. The batch
 * carries RFC 7748's vectors (and an unclamped key) ahead of the new keys: if Web Crypto gets one wrong, or fails,
 * every key comes from @noble/curves instead, so a faulty platform can never put a wrong public key in a bundle.
 */
export async function generateKeypairsFast(random: RandomSource, count: number): Promise<Keypair[]> {
  if (count === 0 || x25519Base() !== nobleX25519Base) return generateKeypairs(random, count);
  const secrets = randomKeyBatch(random, count).map((bytes) => {
    const secret = clampPrivateKey(bytes);
    bytes.fill(0);
    return secret;
  });
  let publicKeys: Uint8Array[] | null = null;
  try {
    const out = await webCryptoPublicKeys([...X25519_VECTORS.map(([k]) => hex(k)), ...secrets]);
    const vectorsRight = X25519_VECTORS.every(([, p], i) => encodeKey(out[i] as Uint8Array) === encodeKey(hex(p)));
    if (vectorsRight) publicKeys = out.slice(X25519_VECTORS.length);
  } catch {
    // No Web Crypto X25519 here (or it failed): @noble/curves below.
  }
  return secrets.map((secret, i) => ({ privateKey: encodeKey(secret), publicKey: encodeKey(publicKeys?.[i] ?? nobleX25519Base(secret)) }));
}
