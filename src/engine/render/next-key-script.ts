import { NEXT_KEY_FILE } from './install-key';

/** The line `next-key.sh` prints for whoever gathers keys: `sed -n 's/^next-key: //p'` gives `rotate --next-keys` lines. */
export const NEXT_KEY_PREFIX = 'next-key:';

/**
 * `next-key.sh` for a host in `host` custody: the first half of its key rotation. It makes the host's next private
 * key in NEXT_KEY_FILE (mode 600, never leaves the host) unless one is there, and prints its public key for
 * `wg-designer rotate --host <id> --public-key <key>`. Nothing live changes; running it again prints the same key.
 * The rotation's scripts check that file against the key the rotation was made for and switch to it at the cut-over.
 */
export function renderNextKeyScript(hostId: string): string {
  return [
    '#!/usr/bin/env bash',
    `# next-key.sh for host ${hostId}: makes its next private key for a key rotation in ${NEXT_KEY_FILE}`,
    '# (mode 600; it never leaves this host) and prints its public key. Nothing live changes. Running it again prints',
    '# the same key; the rotation\'s step 3 makes it the host\'s key and a later run makes a fresh one.',
    'set -euo pipefail',
    '[ "$(id -u)" -eq 0 ] || { echo "run as root" >&2; exit 1; }',
    `next=${NEXT_KEY_FILE}`,
    'if [ ! -s "$next" ]; then',
    '  install -d -m 700 /etc/wireguard',
    '  if ! (umask 077 && wg genkey > "$next.new" && chmod 600 "$next.new" && mv -f "$next.new" "$next"); then',
    '    rm -f "$next.new"',
    '    echo "next-key.sh: could not write $next" >&2',
    '    exit 1',
    '  fi',
    '  echo "next-key.sh: made the next private key of this host in $next (mode 600); it never leaves this host"',
    'fi',
    'pub=$(wg pubkey < "$next" 2>/dev/null) || { echo "next-key.sh: $next is not a WireGuard private key: remove it and run again" >&2; exit 1; }',
    `echo "${NEXT_KEY_PREFIX} ${hostId} $pub"`,
    `echo "next-key.sh: where the design is kept, run: wg-designer rotate design.json --host ${hostId} --public-key $pub -o rotation.zip" >&2`,
    '',
  ].join('\n');
}
