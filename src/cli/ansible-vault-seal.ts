import { Vault } from 'ansible-vault';

/**
 * Text in Ansible Vault 1.1 format (`$ANSIBLE_VAULT;1.1;AES256`: PBKDF2-SHA256, AES-256-CTR, HMAC-SHA256), by the
 * `ansible-vault` npm package. It is built on Node's crypto, so this mode is the CLI's; the engine takes it injected.
 */
export async function ansibleVaultSeal(text: string, password: string): Promise<string> {
  const sealed = await new Vault({ password }).encrypt(text, '');
  return sealed.endsWith('\n') ? sealed : `${sealed}\n`;
}

/** The clear text of an Ansible Vault file; throws when the password is wrong or the file is damaged. */
export async function ansibleVaultOpen(sealed: string, password: string): Promise<string> {
  const text = await new Vault({ password }).decrypt(sealed, undefined);
  if (text === undefined) throw new Error('not an Ansible Vault file');
  return text;
}
