import { existsSync } from 'node:fs';
import { Decrypter, armor } from 'age-encryption';
import { ageSeal } from '../engine';
import { CliError, readText, writeAtomic } from './io';
import { parseKeysFile, readKeys } from './keys-file';
import type { KeysFile } from './keys-file';

/** `design.keys.json` -> `design.keys.json.age`: the keys file encrypted to age recipients. */
export function ageKeysPath(path: string): string {
  return `${path}.age`;
}

/**
 * The keys file, from `<path>.age` (decrypted with the identity file) or `<path>`. Both present is an error, not a
 * guess: one of them is stale. An encrypted one without `--age-identity` is an error too, never an empty set of
 * keys (which would make the export generate new ones).
 */
export async function readKeysAny(path: string, identityFile: string | undefined): Promise<{ keys: KeysFile; encrypted: boolean }> {
  const sealed = ageKeysPath(path);
  if (!existsSync(sealed)) return { keys: readKeys(path), encrypted: false };
  if (existsSync(path)) throw new CliError(`both ${path} and ${sealed} exist: remove the one you do not keep`);
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
  return { keys: parseKeysFile(sealed, text), encrypted: true };
}

/** Writes the keys file encrypted to the recipients, readable by its owner only (age armor, mode 600). */
export async function writeKeysAge(path: string, file: KeysFile, recipients: readonly string[]): Promise<string> {
  const sealed = ageKeysPath(path);
  writeAtomic(sealed, await ageSeal(`${JSON.stringify(file, null, 2)}\n`, recipients), 0o600);
  return sealed;
}
