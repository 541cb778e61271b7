import { mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import type { HostSecrets } from '../engine';
import { CliError, writeAtomic } from './io';

/**
 * `--secrets vault`: the bundle carries no key, so each host's secrets are written beside it, to
 * `<bundle>.secrets/<host>.secrets` (folder 700, files 600), for vault/put-secrets.sh to send to Vault. Host ids are
 * `[a-z0-9-]`: no name can leave the folder.
 */
export function writeSecretsFolder(output: string, secrets: readonly HostSecrets[]): string {
  const dir = `${output.replace(/\.zip$/i, '')}.secrets`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  } catch (e) {
    throw new CliError(`cannot make the folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  for (const s of secrets) writeAtomic(join(dir, `${s.hostId}.secrets`), s.text, 0o600);
  return dir;
}
