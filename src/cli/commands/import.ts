import { relative } from 'node:path';
import { ImportError, designFileText, importConfigs, plural } from '../../engine';
import { CliError, readText, requireFolderOf, writeAtomic } from '../io';
import { keysPathFor, writeKeys } from '../keys-file';

export interface ImportArgs {
  files: string[];
  output: string;
  name?: string;
  /** `--endpoint hub=vpn.example.net:51820`: where a host no imported file dials is reached (a server alone). */
  endpoints?: string[];
}

/** `id=host:port` pairs; fromEntries defines own properties, so an id of `__proto__` is just an unknown host. */
function endpointsOf(texts: readonly string[]): Record<string, string> {
  return Object.fromEntries(texts.map((t) => {
    const eq = t.indexOf('=');
    if (eq <= 0) throw new CliError(`--endpoint takes <host-id>=<host:port>, not "${t}"`, 2);
    return [t.slice(0, eq), t.slice(eq + 1)];
  }));
}

/**
 * `import a.conf b.conf dump.txt -o design.json`: wg-quick files, `wg showconf` output and `wg show all dump`
 * output (each told from its text) -> the design, and its private keys apart in design.keys.json. Nothing is
 * written unless every file imports.
 */
export function runImport(args: ImportArgs, log: (s: string) => void): number {
  requireFolderOf(args.output);
  const files = args.files.map((f) => ({ name: relative(process.cwd(), f) || f, text: readText(f) }));
  let result;
  try {
    result = importConfigs(files, args.name ?? 'imported', { endpoints: endpointsOf(args.endpoints ?? []) });
  } catch (e) {
    if (e instanceof ImportError) throw new CliError(e.message);
    throw e;
  }
  const keysPath = keysPathFor(args.output);
  writeKeys(keysPath, result.design);
  writeAtomic(args.output, designFileText(result.design));
  for (const w of result.warnings) log(`warning: ${w}`);
  for (const g of result.guesses) log(`guess: ${g}`);
  if (result.guesses.length > 0) log(`the guesses above are read from how the configs route: confirm or change them in ${args.output}`);
  log(`wrote ${args.output} (${plural(result.design.hosts.length, 'host')}, ${plural(result.design.tunnels.length, 'tunnel')}) and its keys in ${keysPath} (mode 600)`);
  return 0;
}
