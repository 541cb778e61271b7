import { runCommand } from './run-command';
import { onPath } from './on-path';

/** `--install`: apt-get installs the packages prove lacks (no shell: package names go as arguments). */
export async function installPackages(packages: readonly string[], say: (s: string) => void): Promise<string | null> {
  if (!onPath('apt-get')) return `--install needs apt-get (Debian or Ubuntu); install ${packages.join(' ')} by hand`;
  say(`installing ${packages.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = await runCommand('apt-get', ['update', '-qq'], '', 300_000, env);
  if (update.code !== 0) return `apt-get update failed: ${update.stderr.trim().split('\n').at(-1) ?? ''}`;
  const r = await runCommand('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], '', 600_000, env);
  return r.code === 0 ? null : `apt-get install ${packages.join(' ')} failed: ${r.stderr.trim().split('\n').at(-1) ?? ''}`;
}
