import { WG_INTERFACE } from '../plan/types';
import type { KeyCustody } from '../model/design';
import type { HostPlan } from '../plan/types';

/** install.sh's exit code when the host made or holds its own key and the design does not know its public key yet. */
export const EXIT_NOT_ENROLLED = 3;
/** Where a host in `host` custody keeps its private key; install.sh writes it into wg0.conf as it installs. */
export const HOST_KEY_FILE = `/etc/wireguard/${WG_INTERFACE}.key`;
/** Where `next-key.sh` puts a host-custody host's next private key; step 3 of a rotation moves it to HOST_KEY_FILE. */
export const NEXT_KEY_FILE = `${HOST_KEY_FILE}.next`;

// WireGuard's base64: 43 digits and one "=". Only these characters reach the script, inside single quotes.
const KEY_TEXT = /^[A-Za-z0-9+/]{43}=$/;

/**
 * install.sh's key step, run before anything changes: the private key it will install must give the public key
 * the design (and so every peer's [Peer] section) expects for this host, or the tunnel could never handshake.
 * Keys are compared in full and named by fingerprint: the first 8 characters of the public key's base64.
 * - key in the bundle (`bundle` custody): derives the public key of wg0.conf's PrivateKey and compares.
 * - key on the host (`host` custody): makes /etc/wireguard/wg0.key when it is missing or empty (mode 600, never
 *   leaves the host) and prints `enroll: <host> <public key>`. Not enrolled yet: prints the enroll command and
 *   exits 3 having changed nothing else.
 * A design whose own public key is missing with the private key lost (bundle custody) also takes the key file.
 */
export function installKeyLines(plan: HostPlan, custody: KeyCustody, conf = `${WG_INTERFACE}.conf`): string[] {
  const id = plan.id;
  const expected = plan.publicKey ?? '';
  // The schema already allows only keys here; the script embeds it, so a renderer used on its own checks too.
  if (expected !== '' && !KEY_TEXT.test(expected)) throw new Error(`host ${id}: public key is not WireGuard base64`);
  const out = [
    '# The public key the design (and so every peer) expects for this host; empty until it is enrolled.',
    `expected='${expected}'`,
    '[[ -z "$expected" || "$expected" =~ ^[A-Za-z0-9+/]{43}=$ ]] || fail "the public key in this bundle is malformed: nothing was changed"',
  ];
  const mismatch = (what: string) => [
    'if [ "$pub" != "$expected" ]; then',
    `  fail "${what} gives public key \${pub:0:8} but the design (and every peer) expects \${expected:0:8} (fingerprints: the first 8 characters of each public key): nothing was changed.${custody === 'host'
      ? ` If this host's key changed on purpose, enroll the new one: wg-designer enroll design.json --host ${id} --public-key $pub --replace"`
      : ' Use the wg0.conf of this bundle as exported"'}`,
    'fi',
  ];
  if (plan.privateKey !== null) {
    return [
      ...out,
      `pub=$(awk '$1 == "PrivateKey" { print $3; exit }' ${conf} | wg pubkey 2>/dev/null) || fail "${WG_INTERFACE}.conf holds no valid PrivateKey: nothing was changed"`,
      ...(expected === '' ? [] : mismatch(`the PrivateKey in ${WG_INTERFACE}.conf`)),
    ];
  }
  out.push(`keyfile=${HOST_KEY_FILE}`);
  if (custody === 'host') {
    out.push(
      '# This host keeps its own key: made here once, it never leaves the host.',
      'if [ ! -s "$keyfile" ]; then',
      '  install -d -m 700 /etc/wireguard',
      '  if ! (umask 077 && wg genkey > "$keyfile.new" && chmod 600 "$keyfile.new" && mv -f "$keyfile.new" "$keyfile"); then',
      '    rm -f "$keyfile.new"',
      '    fail "could not write $keyfile: nothing else was changed"',
      '  fi',
      '  echo "install.sh: made this host\'s private key in $keyfile (mode 600); it never leaves this host"',
      'fi',
    );
  } else {
    // Bundle custody with the private key lost from the design: only the host's own copy can match its peers.
    out.push('[ -s "$keyfile" ] || fail "wg0.conf has no PrivateKey (the design lost it) and $keyfile is missing: put this host\'s private key there, or give the host a new keypair in the design and export again"');
  }
  out.push(
    'pub=$(wg pubkey < "$keyfile" 2>/dev/null) || fail "$keyfile is not a WireGuard private key: nothing was changed"',
    '# One line per host for whoever gathers keys (e.g. Ansible): sed -n "s/^enroll: //p" gives `wg-designer enroll --file` lines.',
    `echo "enroll: ${id} $pub"`,
    'if [ -z "$expected" ]; then',
    `  echo "install.sh: host ${id} keeps its own key and the design does not know it yet (fingerprint \${pub:0:8}). Enroll it where the design is kept, export again and run the new bundle's install.sh:" >&2`,
    `  echo "  wg-designer enroll design.json --host ${id} --public-key $pub" >&2`,
    `  echo "install.sh: nothing else was changed (exit ${EXIT_NOT_ENROLLED}: not enrolled)" >&2`,
    `  exit ${EXIT_NOT_ENROLLED}`,
    'fi',
    ...mismatch('$keyfile'),
  );
  return out;
}

/**
 * A shell line that copies wg0.conf `src` to `dest` (mode 600) with `PrivateKey = <the key in $keyfile>` after its
 * [Interface] line. Bash reads the key itself (`$(<file)` is a built-in), so it never shows on a command line,
 * where any local user's `ps` would see it.
 */
export function spliceKeyLine(src: string, dest: string): string {
  return `(umask 077; key=$(<"$keyfile"); while IFS= read -r line || [ -n "$line" ]; do printf '%s\\n' "$line"; if [ "$line" = '[Interface]' ]; then printf 'PrivateKey = %s\\n' "$key"; fi; done < ${src} > ${dest})`;
}
