/** One peer entry that changes on a host during a rotation. */
export interface PeerChange {
  hostId: string;
  oldKey: string;
  /** Equal to `oldKey` when only the preshared key changes (the peer keeps its keypair; this host rotates). */
  newKey: string;
  /** The tunnel's new preshared key, or null when the tunnel has none. */
  presharedKey: string | null;
  /** Comma-separated, as `wg set ... allowed-ips` takes them. */
  allowedIPs: string;
  endpoint: string | null;
  keepalive: number | null;
  /**
   * This host starts the tunnel's first handshake after the cut-over: it has the peer's endpoint, and either the
   * peer cannot dial back or this host's id sorts first. One side only: two initiations that cross both fail (each
   * side's handshake state is replaced by the other's initiation) and WireGuard retries only after 5 s.
   */
  kicks: boolean;
}

/** What one affected host does in a rotation: the input of every script in its `rotate/` folder. */
export interface HostRotation {
  id: string;
  /** This host gets a new keypair; its new private key is only in its folder's wg0.conf, or on the host (`nextKeyFile`). */
  rotated: boolean;
  newPublicKey: string;
  /** Its public key in use when the rotation was made: step 2 checks the host still has it. */
  oldPublicKey: string;
  /**
   * A rotated host in `host` custody: where it keeps the next private key it made (`next-key.sh`), whose public
   * key is `newPublicKey`. Null for a host whose new private key travels in its rotation folder's wg0.conf.
   */
  nextKeyFile: string | null;
  /** Every peer entry that changes: all of a rotated host's peers, and the rotated peers of any other host. */
  peers: PeerChange[];
  /** The agreed cut-over instant, as written in the scripts (`2026-12-06T10:00:00Z`). */
  at: string;
}

/** Peers whose key changes: they get a second, staged entry in step 1. */
export function stagedPeers(h: HostRotation): PeerChange[] {
  return h.peers.filter((p) => p.newKey !== p.oldKey);
}
