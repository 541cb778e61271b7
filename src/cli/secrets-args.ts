import { SECRETS_MODES, defaultVaultPath, secretsProblem } from '../engine';
import type { SecretsField, SecretsMode, SecretsOptions } from '../engine';
import { CliError, readText } from './io';

/** The export flags each secrets option comes from, so a problem names the flag the user typed. */
export const SECRETS_FLAGS: Readonly<Record<SecretsField, string>> = {
  recipients: '--age-recipient',
  password: '--vault-password-file',
  path: '--vault-path',
};

export interface SecretsArgs {
  secrets: string;
  ageRecipients: readonly string[];
  vaultPasswordFile: string | undefined;
  vaultPath: string | undefined;
}

/** `--secrets MODE` and its parameters -> checked SecretsOptions; usage errors (exit 2) name the flag. */
export function secretsOf(args: SecretsArgs, folder: string): SecretsOptions {
  if (!SECRETS_MODES.includes(args.secrets as SecretsMode)) {
    throw new CliError(`--secrets must be one of ${SECRETS_MODES.join(', ')}, not "${args.secrets}"`, 2);
  }
  const mode = args.secrets as SecretsMode;
  let options: SecretsOptions;
  if (mode === 'age') options = { mode, recipients: args.ageRecipients };
  else if (mode === 'ansible-vault') {
    if (args.vaultPasswordFile === undefined) throw new CliError('--secrets ansible-vault needs --vault-password-file FILE', 2);
    options = { mode, password: readVaultPassword(args.vaultPasswordFile) };
  } else if (mode === 'vault') options = { mode, path: args.vaultPath ?? defaultVaultPath(folder) };
  else options = { mode };
  const problem = secretsProblem(options);
  if (problem) throw new CliError(`${SECRETS_FLAGS[problem.field]}: ${problem.message}`, 2);
  return options;
}

/** A vault password file as ansible-vault reads it: the first line, without its newline. */
export function readVaultPassword(file: string): string {
  return readText(file).split(/\r?\n/)[0] ?? '';
}
