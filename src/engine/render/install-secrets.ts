import { WG_INTERFACE } from '../plan/types';
import type { SecretsOptions } from '../secrets/secrets-options';
import { SECRET_MARKERS } from './wg-quick';

/** Where the age identity and the Ansible Vault password are looked for on a host when the environment names none. */
export const AGE_IDENTITY_DEFAULT = '/etc/wg-designer/age.key';
export const VAULT_PASSWORD_FILE_DEFAULT = '/etc/wg-designer/vault-password';

/** The bundle file that carries a host's encrypted secrets, per mode (none: plain keeps them in wg0.conf, vault in Vault). */
export function secretsFileName(mode: SecretsOptions['mode']): string | null {
  if (mode === 'age') return 'secrets.age';
  if (mode === 'ansible-vault') return 'secrets.vault';
  return null;
}

/** The header lines install.sh gets in a non-plain mode: what it needs on the host, and which variables it reads. */
export function installSecretsHeader(options: SecretsOptions): string[] {
  switch (options.mode) {
    case 'plain': return [];
    case 'age': return [
      `# Keys: decrypted from secrets.age with \`age -d -i "\${WG_DESIGNER_AGE_IDENTITY:-${AGE_IDENTITY_DEFAULT}}"\` (apt-get install age).`,
    ];
    case 'ansible-vault': return [
      '# Keys: from secrets.vault. Copied by the Ansible play it is already decrypted; run by hand it is decrypted with',
      `# \`ansible-vault view --vault-password-file "\${WG_DESIGNER_VAULT_PASSWORD_FILE:-${VAULT_PASSWORD_FILE_DEFAULT}}"\`.`,
    ];
    case 'vault': return [
      `# Keys: read from HashiCorp Vault (KV v2) with \`vault kv get\`; VAULT_ADDR and VAULT_TOKEN come from the environment.`,
    ];
  }
}

/**
 * Shell lines for install.sh, run after `$stage/wg0.conf` is staged: they get this host's secrets into
 * `$stage/secrets` (root-only, removed with the stage) and put each key where wg0.conf has its marker line. Any
 * missing tool, identity, password file or key stops the script before anything changed. The only values from
 * the user here are a Vault path and a host id, both checked against strict patterns before rendering.
 */
export function installSecretsLines(hostId: string, options: SecretsOptions): string[] {
  if (options.mode === 'plain') return [];
  const none = 'nothing was changed';
  const fetch: string[] = [];
  if (options.mode === 'age') {
    fetch.push(
      `command -v age >/dev/null 2>&1 || fail "age is missing, so secrets.age cannot be decrypted: apt-get install age; ${none}"`,
      `identity=\${WG_DESIGNER_AGE_IDENTITY:-${AGE_IDENTITY_DEFAULT}}`,
      `[ -r "$identity" ] || fail "no age identity at $identity (set WG_DESIGNER_AGE_IDENTITY): ${none}"`,
      `[ -r secrets.age ] || fail "secrets.age is missing from this folder: ${none}"`,
      `(umask 077; age -d -i "$identity" -o "$stage/secrets" secrets.age) || fail "secrets.age does not decrypt with the age identity $identity: ${none}"`,
    );
  } else if (options.mode === 'ansible-vault') {
    fetch.push(
      `[ -r secrets.vault ] || fail "secrets.vault is missing from this folder: ${none}"`,
      '# The Ansible play\'s copy decrypts vault files on the way: such a copy is used as it is.',
      'if [ "$(head -c 15 secrets.vault)" = "\\$ANSIBLE_VAULT;" ]; then',
      `  command -v ansible-vault >/dev/null 2>&1 || fail "ansible-vault is missing, so secrets.vault cannot be decrypted: apt-get install ansible-core; ${none}"`,
      `  password_file=\${WG_DESIGNER_VAULT_PASSWORD_FILE:-${VAULT_PASSWORD_FILE_DEFAULT}}`,
      `  [ -r "$password_file" ] || fail "no Ansible Vault password file at $password_file (set WG_DESIGNER_VAULT_PASSWORD_FILE): ${none}"`,
      `  (umask 077; ansible-vault view --vault-password-file "$password_file" secrets.vault > "$stage/secrets") || fail "secrets.vault does not decrypt with $password_file: ${none}"`,
      'else',
      '  install -m 600 secrets.vault "$stage/secrets"',
      'fi',
    );
  } else {
    const { mount, prefix } = splitVaultPath(options.path);
    fetch.push(
      `command -v vault >/dev/null 2>&1 || fail "vault (the HashiCorp Vault CLI) is missing, so the keys cannot be read: ${none}"`,
      `[ -n "\${VAULT_ADDR:-}" ] || fail "VAULT_ADDR is not set, so the keys cannot be read from Vault: ${none}"`,
      // -field prints the value alone: no JSON to parse, so no jq on the host.
      `(umask 077; vault kv get -mount=${mount} -field=secrets ${prefix}/${hostId} > "$stage/secrets") || fail "cannot read ${mount}/${prefix}/${hostId} from Vault (VAULT_ADDR, VAULT_TOKEN): ${none}"`,
    );
  }
  return [
    `# This host's keys are not in the bundle's ${WG_INTERFACE}.conf: get them, then put each where its marker line is.`,
    ...fetch,
    ...spliceLines(`"$stage/secrets"`, `"$stage/${WG_INTERFACE}.conf"`, `this host's secrets lack a key ${WG_INTERFACE}.conf needs: ${none}`),
  ];
}

/**
 * Replaces each marker line of `conf` with the key from `secrets` (`private K`, `psk PEER K`); a marker without its
 * key fails. The keys go through files, never argv, so `ps` does not show them.
 */
export function spliceLines(secrets: string, conf: string, failure: string): string[] {
  return [
    `(umask 077; awk -v pk='${SECRET_MARKERS.privateKey}' -v psk='${SECRET_MARKERS.presharedKey}' '`,
    '  NR == FNR { if ($1 == "private") priv = $2; else if ($1 == "psk") key[$2] = $3; next }',
    '  /^# Peer / { peer = $3 }',
    '  $0 == pk { if (priv == "") { bad = 1; exit } print "PrivateKey = " priv; next }',
    '  $0 == psk { if (!(peer in key)) { bad = 1; exit } print "PresharedKey = " key[peer]; next }',
    '  { print }',
    `  END { exit bad }' ${secrets} ${conf} > ${conf}.keyed) || fail "${failure}"`,
    `mv ${conf}.keyed ${conf}`,
  ];
}

/** `secret/wg-designer/orders` -> mount `secret`, prefix `wg-designer/orders`. The path is VAULT_PATH-checked. */
export function splitVaultPath(path: string): { mount: string; prefix: string } {
  const at = path.indexOf('/');
  return { mount: path.slice(0, at), prefix: path.slice(at + 1) };
}

/**
 * For a failover script: the keys of the wg0.conf installed now (a promotion changes no key) spliced into the
 * promoted wg0.conf of the bundle, which has marker lines instead. Leaves it in `$stage/wg0.conf`.
 */
export function keysFromInstalledLines(): string[] {
  const wg = WG_INTERFACE;
  return [
    'fail() { echo "$*" >&2; exit 1; }',
    'stage=$(mktemp -d)',
    "trap 'rm -rf \"$stage\"' EXIT",
    `(umask 077; awk '/^# Peer / { peer = $3 } /^PrivateKey = / { print "private", $3 } /^PresharedKey = / { print "psk", peer, $3 }' /etc/wireguard/${wg}.conf > "$stage/secrets")`,
    `install -m 600 ${wg}.conf "$stage/${wg}.conf"`,
    ...spliceLines('"$stage/secrets"', `"$stage/${wg}.conf"`, `/etc/wireguard/${wg}.conf lacks a key the promoted ${wg}.conf needs: nothing was changed`),
  ];
}
