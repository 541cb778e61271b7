import { Decrypter, armor } from 'age-encryption';
import { ageSeal } from '../engine';
import { CliError, readText, writeAtomic } from './io';
import { parseKeysFile } from './keys-file';
import type { KeysFile } from './keys-file';

/** `design.keys.json` -> `design.keys.json.age`: the keys file encrypted to age recipients. */
export function ageKeysPath(path: string): string {
  return `${path}.age`;
}

/** An age-encrypted keys file opened with the identities in `identityFile` (`age-keygen` format). */
export async function openKeysAge(sealed: string, identityFile: string | undefined): Promise<KeysFile> {
  if (identityFile === undefined) throw new CliError(`${sealed} holds the keys encrypted: give --age-identity FILE to read it`, 2);
  const d = new Decrypter();
  for (const line of readText(identityFile).split(/\r?\n/)) {
    if (line.startsWith('AGE-SECRET-KEY-')) d.addIdentity(line.trim());
  }
  let text: string;
  try {
    text = await d.decrypt(armor.decode(readText(sealed)), 'text');
  } catch (e) {
    throw new CliError(`${sealed} does not decrypt with the --age-identity ${identityFile}: ${(e as Error).message}`);
  }
  return parseKeysFile(sealed, text);
}

/** Writes the keys file encrypted to the recipients, readable by its owner only (age armor, mode 600). */
export async function writeKeysAge(path: string, file: KeysFile, recipients: readonly string[]): Promise<string> {
  const sealed = ageKeysPath(path);
  writeAtomic(sealed, await ageSeal(`${JSON.stringify(file, null, 2)}\n`, recipients), 0o600);
  return sealed;
}
