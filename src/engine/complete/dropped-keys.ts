import type { Finding } from '../validate/finding';

/**
 * A finding per host in `host` custody whose private key the design held and completion left out of the bundle.
 * Validation never sees these (the completed design no longer holds the key), so the export adds them.
 */
export function droppedKeyFindings(dropped: readonly string[]): Finding[] {
  return dropped.map((id): Finding => ({
    code: 'private-key-host-custody',
    severity: 'warning',
    message: `Host ${id} keeps its own private key ("keys": "host"), yet the design held one: it was left out of the bundle. `
      + 'install.sh takes the key from /etc/wireguard/wg0.key on the host and refuses one that does not match the design\'s '
      + 'public key. A key that was known outside the host is not in host custody: run the host\'s install.sh to make '
      + `a new one, then enroll the public key it prints: wg-designer enroll design.json --host ${id} --public-key <KEY> --replace`,
    subjects: { hosts: [id] },
  }));
}
