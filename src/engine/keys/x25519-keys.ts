import { KeyError } from './key-error';
import { randomKeyBatch, randomKeyBytes } from './random-key-bytes';
import type { RandomSource } from './random-source';
import { x25519Base } from './x25519-backend';
import { decodeKey, encodeKey, KEY_BYTES } from './wg-base64';
import type { Keypair } from './keypair';

export type { Keypair };

/** A copy of 32 bytes with RFC 7748 clamping applied, exactly as `wg genkey` stores a private key. */
export function clampPrivateKey(bytes: Uint8Array): Uint8Array {
  if (bytes.length !== KEY_BYTES) throw new KeyError(`expected ${KEY_BYTES} bytes, got ${bytes.length}`);
  const out = Uint8Array.from(bytes);
  // Clearing the 3 low bits makes the scalar a multiple of the cofactor 8 (small-subgroup attacks learn nothing);
  // fixing bit 254 gives every scalar the same ladder length (no timing leak through the key's size).
  out[0] = (out[0] ?? 0) & 0xf8;
  out[31] = ((out[31] ?? 0) & 0x7f) | 0x40;
  return out;
}

/** A new private key: 32 bytes from `random`, clamped and encoded, as `wg genkey`. */
export function generatePrivateKey(random: RandomSource): string {
  return encodeKey(clampPrivateKey(randomKeyBytes(random)));
}

/**
 * The public key of a private key, as `wg pubkey`: X25519 of the base point. The scalar is clamped first, so an
 * unclamped private key (some tools write them) gives the same public key it gets in WireGuard. @noble/curves
 * unless the runtime installed a native one (`useX25519`). Throws KeyError.
 */
export function publicKeyOf(privateKey: string): string {
  return encodeKey(x25519Base()(decodeKey(privateKey)));
}

/** A new private key and its public key. */
export function generateKeypair(random: RandomSource): Keypair {
  const privateKey = generatePrivateKey(random);
  return { privateKey, publicKey: publicKeyOf(privateKey) };
}

/** `count` new keypairs from one call of `random`: the same keys as `count` calls of generateKeypair. */
export function generateKeypairs(random: RandomSource, count: number): Keypair[] {
  const base = x25519Base();
  return randomKeyBatch(random, count).map((bytes) => {
    const secret = clampPrivateKey(bytes);
    bytes.fill(0);
    return { privateKey: encodeKey(secret), publicKey: encodeKey(base(secret)) };
  });
}

/** Whether `publicKey` belongs to `privateKey`; false too when either text is not a well-formed key. */
export function publicKeysMatch(privateKey: string, publicKey: string): boolean {
  try {
    // decodeKey only accepts canonical text, so equal keys have equal texts.
    return publicKeyOf(privateKey) === encodeKey(decodeKey(publicKey));
  } catch (error) {
    if (error instanceof KeyError) return false;
    throw error;
  }
}
