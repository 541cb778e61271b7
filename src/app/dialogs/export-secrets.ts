import { PLAIN_SECRETS, defaultVaultPath, secretsProblem } from '../../engine';
import type { SecretsField, SecretsOptions } from '../../engine';

/** The page's secrets modes; Ansible Vault is the CLI's (its implementation needs Node's crypto). */
export type PageSecretsMode = 'plain' | 'age' | 'vault';

/** What the secrets fields hold as typed: recipients one per line, the Vault path empty for the default. */
export interface SecretsChoice {
  mode: PageSecretsMode;
  recipientsText: string;
  vaultPath: string;
}

export const DEFAULT_SECRETS_CHOICE: SecretsChoice = { mode: 'plain', recipientsText: '', vaultPath: '' };

/** The dialog's name for each field, as its problems are shown. */
export const SECRETS_FIELD_LABELS: Readonly<Record<SecretsField, string>> = {
  recipients: 'Age recipients',
  password: 'Ansible Vault password',
  path: 'Vault path',
};

/** The typed fields -> the export's secrets options, or the problem to show beside the field (nothing is exported). */
export function secretsFromChoice(choice: SecretsChoice, folder: string): { options: SecretsOptions } | { problem: string } {
  let options: SecretsOptions;
  if (choice.mode === 'age') {
    options = { mode: 'age', recipients: choice.recipientsText.split(/[\s,]+/).filter((r) => r !== '') };
  } else if (choice.mode === 'vault') {
    options = { mode: 'vault', path: choice.vaultPath.trim() || defaultVaultPath(folder) };
  } else {
    options = PLAIN_SECRETS;
  }
  const p = secretsProblem(options);
  return p ? { problem: `${SECRETS_FIELD_LABELS[p.field]}: ${p.message}` } : { options };
}
