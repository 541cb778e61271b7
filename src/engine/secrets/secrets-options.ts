/**
 * Where a bundle's private and preshared keys go. `plain`: in each wg0.conf, as always. Every other mode keeps
 * them out of the zip's configs: one secrets entry per host, which install.sh decrypts (age, Ansible Vault) or
 * fetches (HashiCorp Vault KV v2) at install time and splices into the staged wg0.conf.
 */
export type SecretsMode = 'plain' | 'age' | 'ansible-vault' | 'vault';

export const SECRETS_MODES: readonly SecretsMode[] = ['plain', 'age', 'ansible-vault', 'vault'];

export type SecretsOptions =
  | { mode: 'plain' }
  /** age X25519 recipients (`age1...`): anyone holding one of their identities can decrypt. */
  | { mode: 'age'; recipients: readonly string[] }
  /** The Ansible Vault password; it never reaches a file of the bundle. */
  | { mode: 'ansible-vault'; password: string }
  /** `<mount>/<path prefix>`: host `db1` is read from `<mount>/<prefix>/db1`. */
  | { mode: 'vault'; path: string };

export const PLAIN_SECRETS: SecretsOptions = { mode: 'plain' };

/** The option a problem is about, so the CLI can name its flag and the dialog its field. */
export type SecretsField = 'recipients' | 'password' | 'path';

export interface SecretsProblem {
  field: SecretsField;
  message: string;
}

/**
 * An age X25519 recipient: `age1` and 58 bech32 characters (32 bytes and a checksum). Debian's age reads only these,
 * so post-quantum and plugin recipients are refused here rather than failing on the host. The pattern is also
 * what keeps a recipient from carrying anything a script or file could read as syntax.
 */
export const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

/**
 * A Vault KV v2 path: a mount and at least one more segment, each of letters, digits, `_`, `-` and dots inside a
 * segment (never leading: no `.` or `..`). It appears in scripts unquoted-safe by construction.
 */
export const VAULT_PATH = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}(\/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}){1,8}$/;

/** The default Vault path of a design: `secret/wg-designer/<bundle folder name>`. */
export function defaultVaultPath(folder: string): string {
  return `secret/wg-designer/${folder}`;
}

/** The first problem with the options, or null; nothing may be exported while there is one. */
export function secretsProblem(options: SecretsOptions): SecretsProblem | null {
  switch (options.mode) {
    case 'plain':
      return null;
    case 'age': {
      if (options.recipients.length === 0) return { field: 'recipients', message: 'give at least one age recipient (age1...)' };
      const bad = options.recipients.find((r) => !AGE_RECIPIENT.test(r));
      return bad === undefined ? null : { field: 'recipients', message: `"${shown(bad)}" is not an age X25519 recipient (age1 and 58 characters)` };
    }
    case 'ansible-vault':
      return options.password.length === 0 ? { field: 'password', message: 'the Ansible Vault password is empty' } : null;
    case 'vault':
      return VAULT_PATH.test(options.path) ? null
        : { field: 'path', message: `"${shown(options.path)}" is not a Vault path: mount/prefix, segments of A-Z a-z 0-9 _ - . (no "..", spaces or leading dots)` };
  }
}

/** User text quoted in a message: short, and without control characters. */
function shown(text: string): string {
  const clean = text.replace(/[\p{Cc}\p{Cf}]/gu, '?');
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}
