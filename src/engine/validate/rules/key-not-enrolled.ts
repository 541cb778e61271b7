import { hostCustodyHosts } from '../../model/host-custody';
import type { Finding } from '../finding';
import type { Rule } from '../rule';

/**
 * A host that keeps its own private key (`"keys": "host"`) but whose public key the design does not hold yet. WireGuard
 * names a peer by its public key and `wg` refuses a [Peer] without one, so every peer's section for this host stays
 * commented out, and its own install.sh stops after making the key, until the key is enrolled.
 */
export const keyNotEnrolled: Rule = {
  id: 'key-not-enrolled',
  codes: ['key-not-enrolled'],
  run({ design, index, label }) {
    return hostCustodyHosts(design).filter((id) => index.host(id)?.publicKey === null).map((id): Finding => ({
      code: 'key-not-enrolled',
      severity: 'warning',
      message: `Host ${label(id)} keeps its own private key, and its public key is not enrolled yet: its peers' sections for it stay commented out. `
        + `Run ${id}/install.sh on the host (it makes /etc/wireguard/wg0.key and prints the public key), then `
        + `wg-designer enroll design.json --host ${id} --public-key <KEY> and export again.`,
      subjects: { hosts: [id] },
    }));
  },
};
