import { ansibleVaultOpen, ansibleVaultSeal } from './ansible-vault-seal';
import { CliError, readText, writeAtomic } from './io';
import { parseKeysFile } from './keys-file';
import type { KeysFile } from './keys-file';

/** `design.keys.json` -> `design.keys.json.vault`: the keys file in Ansible Vault, with the bundle's vault password. */
export function vaultKeysPath(path: string): string {
  return `${path}.vault`;
}

/** An Ansible Vault keys file opened with the `--vault-password-file` password. */
export async function openKeysVault(sealed: string, password: string | undefined): Promise<KeysFile> {
  if (password === undefined) throw new CliError(`${sealed} holds the keys in Ansible Vault: give --vault-password-file FILE to read it`, 2);
  let text: string;
  try {
    text = await ansibleVaultOpen(readText(sealed), password);
  } catch (e) {
    throw new CliError(`${sealed} does not decrypt with the --vault-password-file password: ${(e as Error).message}`);
  }
  return parseKeysFile(sealed, text);
}

/** Writes the keys file in Ansible Vault (mode 600), as `ansible-vault view` can also read it. */
export async function writeKeysVault(path: string, file: KeysFile, password: string): Promise<string> {
  const sealed = vaultKeysPath(path);
  writeAtomic(sealed, await ansibleVaultSeal(`${JSON.stringify(file, null, 2)}\n`, password), 0o600);
  return sealed;
}
