/** A private key with the public key derived from it, both as `wg` prints them. */
export interface Keypair {
  /** Secret: belongs only in the owning host's config. */
  privateKey: string;
  /** Shared with every peer of that host. */
  publicKey: string;
}

