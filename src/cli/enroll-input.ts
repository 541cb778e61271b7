import { CliError, readText } from './io';

/** One key to enroll and where it came from, so a problem names `file:line` or the option. */
export interface EnrollEntry {
  host: string;
  publicKey: string;
  where: string;
}

/**
 * Reads `--file keys.txt`: one `host-id public-key` per line, as gathered from each host's install.sh output
 * (`sed -n 's/^enroll: //p'`). Blank lines and `#` comments are skipped; anything else with not exactly two
 * fields is an error naming its line.
 */
export function readEnrollFile(path: string): EnrollEntry[] {
  const out: EnrollEntry[] = [];
  const errors: string[] = [];
  readText(path).split(/\r?\n/).forEach((line, i) => {
    const text = line.replace(/#.*$/, '').trim();
    if (text === '') return;
    const fields = text.split(/\s+/);
    const where = `${path}:${i + 1}`;
    if (fields.length !== 2) errors.push(`${where}: expected "host-id public-key", got ${fields.length} fields`);
    else out.push({ host: fields[0] as string, publicKey: fields[1] as string, where });
  });
  if (errors.length > 0) throw new CliError(`nothing was enrolled:\n  ${errors.join('\n  ')}`);
  if (out.length === 0) throw new CliError(`${path}: no "host-id public-key" lines; nothing was enrolled`);
  return out;
}
