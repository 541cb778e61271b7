import { plural } from '../engine';
import { CliError, readText } from './io';

/** One key to enroll and where it came from, so a problem names `file:line` or the option. */
export interface EnrollEntry {
  host: string;
  publicKey: string;
  where: string;
}

/**
 * Reads `enroll --file keys.txt`: one `host-id public-key` per line, as gathered from each host's install.sh
 * output (`sed -n 's/^enroll: //p'`, or the lines with their `enroll:` prefix).
 */
export function readEnrollFile(path: string): EnrollEntry[] {
  return readKeyLines(path, 'enroll:', 'nothing was enrolled');
}

/**
 * Reads a file of `host-id public-key` lines; each may start with `prefix` (the word the host's script printed
 * before them). Blank lines and `#` comments are skipped; anything else with not exactly two fields is an error
 * naming its line, and `nothing` says what did not happen.
 */
export function readKeyLines(path: string, prefix: string, nothing: string): EnrollEntry[] {
  const out: EnrollEntry[] = [];
  const errors: string[] = [];
  readText(path).split(/\r?\n/).forEach((line, i) => {
    const text = line.replace(/#.*$/, '').trim();
    if (text === '') return;
    const fields = (text.startsWith(`${prefix} `) ? text.slice(prefix.length) : text).trim().split(/\s+/);
    const where = `${path}:${i + 1}`;
    if (fields.length !== 2) errors.push(`${where}: expected "host-id public-key", got ${plural(fields.length, 'field')}`);
    else out.push({ host: fields[0] as string, publicKey: fields[1] as string, where });
  });
  if (errors.length > 0) throw new CliError(`${nothing}:\n  ${errors.join('\n  ')}`);
  if (out.length === 0) throw new CliError(`${path}: no "host-id public-key" lines; ${nothing}`);
  return out;
}
