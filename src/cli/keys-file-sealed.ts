import { existsSync } from 'node:fs';
import { CliError } from './io';
import { readKeys, writeKeysFile } from './keys-file';
import type { KeysFile } from './keys-file';
import { ageKeysPath, openKeysAge, writeKeysAge } from './keys-file-age';
import { openKeysVault, vaultKeysPath, writeKeysVault } from './keys-file-vault';

/** What can open an encrypted keys file: `--age-identity`, the `--vault-password-file` password. */
export interface KeysUnlock {
  ageIdentity?: string;
  vaultPassword?: string;
}

/** How the keys file is written: to age recipients, else in Ansible Vault with this password, else in clear. */
export interface KeysLock {
  ageRecipients: readonly string[];
  vaultPassword?: string;
}

/**
 * The keys file from whichever of `<path>`, `<path>.age`, `<path>.vault` exists. More than one is an error, not a
 * guess (one is stale); an encrypted one that cannot be opened is an error, never "no keys", which would make the
 * export generate new ones.
 */
export async function readKeysSealed(path: string, unlock: KeysUnlock): Promise<{ keys: KeysFile; encrypted: boolean }> {
  const present = [path, ageKeysPath(path), vaultKeysPath(path)].filter((p) => existsSync(p));
  if (present.length > 1) throw new CliError(`${present.join(' and ')} all hold keys: keep one and remove the others`);
  if (existsSync(ageKeysPath(path))) return { keys: await openKeysAge(ageKeysPath(path), unlock.ageIdentity), encrypted: true };
  if (existsSync(vaultKeysPath(path))) return { keys: await openKeysVault(vaultKeysPath(path), unlock.vaultPassword), encrypted: true };
  return { keys: readKeys(path), encrypted: false };
}

/** Writes the keys file as `lock` says; returns the path written. */
export async function writeKeysSealed(path: string, file: KeysFile, lock: KeysLock): Promise<string> {
  if (lock.ageRecipients.length > 0) return writeKeysAge(path, file, lock.ageRecipients);
  if (lock.vaultPassword !== undefined) return writeKeysVault(path, file, lock.vaultPassword);
  writeKeysFile(path, file);
  return path;
}
