import { statSync } from 'node:fs';
import { readText, writeAtomic } from './io';

/**
 * Writes enrolled public keys into the design file, and nothing else: only the `publicKey` of the hosts named.
 * A file in the CLI's own layout (2-space JSON, as export and import write it) keeps every other byte; any other
 * layout is rewritten in that one. Written through a temp file and a rename, keeping the file's mode.
 */
export function setPublicKeysInFile(path: string, keys: ReadonlyMap<string, string>): { reformatted: boolean } {
  const text = readText(path);
  const raw = JSON.parse(text) as { hosts?: Array<Record<string, unknown>> };
  const reformatted = `${JSON.stringify(raw, null, 2)}\n` !== text;
  for (const h of raw.hosts ?? []) {
    const key = typeof h.id === 'string' ? keys.get(h.id) : undefined;
    if (key !== undefined) h.publicKey = key;
  }
  writeAtomic(path, `${JSON.stringify(raw, null, 2)}\n`, statSync(path).mode & 0o777);
  return { reformatted };
}
