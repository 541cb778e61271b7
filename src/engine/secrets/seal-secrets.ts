import type { BundleFile } from '../bundle/bundle-files';
import type { Plan } from '../plan/types';
import { secretsFileName } from '../render/install-secrets';
import { ageSeal } from './age-seal';
import { hostSecretsText } from './host-secrets';
import { secretsProblem } from './secrets-options';
import type { SecretsField, SecretsOptions } from './secrets-options';

/** A problem with the secrets options: nothing is exported. `field` lets the CLI name its flag, the dialog its field. */
export class SecretsError extends Error {
  constructor(readonly field: SecretsField, message: string) {
    super(message);
    this.name = 'SecretsError';
  }
}

/**
 * Encryptions the engine cannot do everywhere, passed in by the caller. Ansible Vault comes from the CLI: the
 * maintained npm implementation (`ansible-vault`) is built on Node's crypto module.
 */
export interface SecretsSealers {
  ansibleVault?: (text: string, password: string) => Promise<string>;
}

/** One host's secrets in clear, for the caller to keep where the mode says (the CLI's folder for put-secrets.sh). */
export interface HostSecrets {
  hostId: string;
  text: string;
}

/** Throws SecretsError when the options cannot be used: checked before any file is made. */
export function assertSecretsOptions(options: SecretsOptions, sealers: SecretsSealers): void {
  const problem = secretsProblem(options);
  if (problem) throw new SecretsError(problem.field, problem.message);
  if (options.mode === 'ansible-vault' && !sealers.ansibleVault) {
    throw new SecretsError('password', 'Ansible Vault encryption is available in the CLI only (export --secrets ansible-vault)');
  }
}

/**
 * Every managed host's secrets, and in age and Ansible Vault modes the `<host>/secrets.*` file that carries them
 * encrypted (mode 600). Each host gets its entry even with nothing secret, so install.sh never guesses.
 */
export async function sealSecrets(
  plan: Plan, options: SecretsOptions, sealers: SecretsSealers,
): Promise<{ files: BundleFile[]; secrets: HostSecrets[] }> {
  if (options.mode === 'plain') return { files: [], secrets: [] };
  const secrets = plan.hosts.filter((h) => !h.external).map((h) => ({ hostId: h.id, text: hostSecretsText(h) }));
  const name = secretsFileName(options.mode);
  const files: BundleFile[] = [];
  for (const s of secrets) {
    if (name === null) break;
    files.push({ path: `${s.hostId}/${name}`, content: await seal(s.text, options, sealers), mode: 0o600 });
  }
  return { files, secrets };
}

async function seal(text: string, options: SecretsOptions, sealers: SecretsSealers): Promise<string> {
  if (options.mode === 'age') {
    try {
      return await ageSeal(text, options.recipients);
    } catch (e) {
      throw new SecretsError('recipients', `an age recipient was refused: ${(e as Error).message}`);
    }
  }
  if (options.mode === 'ansible-vault' && sealers.ansibleVault) return sealers.ansibleVault(text, options.password);
  throw new Error(`no sealer for secrets mode ${options.mode}`);
}
