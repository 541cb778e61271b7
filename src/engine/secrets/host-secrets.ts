import type { HostPlan } from '../plan/types';

/**
 * One host's secrets as install.sh reads them: `private <key>` and one `psk <peer host id> <key>` per tunnel with a
 * preshared key. Keyed by peer, because that is how wg0.conf names its [Peer] sections (`# Peer <id>`), and
 * WireGuard allows one peer per public key, so a peer id is unique within a host. Keys are base64 and ids
 * `[a-z0-9-]`: no field can hold a space or a newline.
 */
export function hostSecretsText(plan: HostPlan): string {
  const lines: string[] = [];
  if (plan.privateKey !== null) lines.push(`private ${plan.privateKey}`);
  for (const peer of plan.peers) {
    if (peer.presharedKey !== null && peer.publicKey !== null) lines.push(`psk ${peer.hostId} ${peer.presharedKey}`);
  }
  return `${lines.join('\n')}\n`;
}

/** True when the host has anything secret for the bundle to carry. */
export function hasHostSecrets(plan: HostPlan): boolean {
  return plan.privateKey !== null || plan.peers.some((p) => p.presharedKey !== null && p.publicKey !== null);
}
