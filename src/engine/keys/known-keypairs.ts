import type { Keypair } from './keypair';

let known: ReadonlyMap<string, string> | null = null;

/**
 * Runs `fn` with these keypairs known to `publicKeyOf`, so a check inside it (validation's key-mismatch rule) does
 * not repeat an X25519 multiplication the caller has just done: the export generates 1,000 keypairs and then
 * validates them, which doubled its key cost (about 0.5 s with @noble/curves). Only for pairs derived in the
 * caller, never for keys read from input. `fn` must be synchronous; the pairs are forgotten when it returns, so no
 * private key outlives the call here.
 */
export function withKnownKeypairs<T>(pairs: readonly Keypair[], fn: () => T): T {
  const outer = known;
  known = new Map(pairs.map((p) => [p.privateKey, p.publicKey]));
  try {
    return fn();
  } finally {
    known = outer;
  }
}

/** The public key of `privateKey` if a caller has just derived it (see withKnownKeypairs). */
export function knownPublicKey(privateKey: string): string | undefined {
  return known?.get(privateKey);
}
