import { x25519 } from '@noble/curves/ed25519.js';
import { KeyError } from './key-error';

/** X25519 of a 32-byte scalar and the base point u = 9: the public key of a private key, as raw bytes. */
export type X25519Base = (privateKey: Uint8Array) => Uint8Array;

/** @noble/curves: audited, pure JavaScript, runs everywhere; the default. */
export const nobleX25519Base: X25519Base = (privateKey) => x25519.getPublicKey(privateKey);

// RFC 7748 section 6.1: Alice's and Bob's private keys and the public keys they give; then an unclamped key
// (bytes ff fe fd ... e0), which a backend must clamp as RFC 7748 says (its public key as @noble/curves gives it).
export const X25519_VECTORS: ReadonlyArray<readonly [string, string]> = [
  ['77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a', '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a'],
  ['5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb', 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f'],
  ['fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0efeeedecebeae9e8e7e6e5e4e3e2e1e0', '3ebcb692149344dc54e58160cf90bed9eea1dd14e81c8e91de557af7d7afd915'],
];
export const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

// A declared process setting, the engine's one: which X25519 implementation derives public keys. The CLI sets it once
// at startup (useX25519, checked on the RFC 7748 vectors); every backend gives the same keys, so no plan or finding
// depends on it, only how fast keys are derived.
let active: X25519Base = nobleX25519Base;

/** The X25519 base-point multiplication `publicKeyOf` and `publicKeysOf` use now. */
export function x25519Base(): X25519Base {
  return active;
}

/**
 * Makes `base` the engine's X25519 (the CLI passes Node's native one, about 8x faster than @noble/curves there)
 * after checking it on the RFC 7748 vectors and on an unclamped key; throws KeyError, and keeps the current one, if
 * it gives a wrong answer or throws. Call once at startup: every later key derivation in this process uses it.
 */
export function useX25519(base: X25519Base): void {
  // Fixed answers, not noble's: asking noble would cost its ~60 ms table set-up, the very cost a backend avoids.
  for (const [privateKey, publicKey] of X25519_VECTORS.map(([k, p]) => [hex(k), hex(p)] as const)) {
    let got: Uint8Array;
    try {
      got = base(Uint8Array.from(privateKey));
    } catch (error) {
      throw new KeyError(`the X25519 backend failed its self-test: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!same(got, publicKey)) throw new KeyError('the X25519 backend failed its self-test: wrong public key for an RFC 7748 vector');
  }
  active = base;
}

/** Back to @noble/curves (tests). */
export function resetX25519(): void {
  active = nobleX25519Base;
}
