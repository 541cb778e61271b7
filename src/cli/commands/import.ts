import { relative } from 'node:path';
import { ImportError, importConfigs, plural, publicDesign } from '../../engine';
import { CliError, readText, writeAtomic } from '../io';
import { keysPathFor, writeKeys } from '../keys-file';

export interface ImportArgs {
  files: string[];
  output: string;
  name?: string;
}

/** `import a.conf b.conf -o design.json`: writes the design, and its private keys apart in design.keys.json. */
export function runImport(args: ImportArgs, log: (s: string) => void): number {
  const files = args.files.map((f) => ({ name: relative(process.cwd(), f) || f, text: readText(f) }));
  let result;
  try {
    result = importConfigs(files, args.name ?? 'imported');
  } catch (e) {
    if (e instanceof ImportError) throw new CliError(e.message);
    throw e;
  }
  const keysPath = keysPathFor(args.output);
  writeKeys(keysPath, result.design);
  writeAtomic(args.output, `${JSON.stringify(publicDesign(result.design), null, 2)}\n`);
  for (const w of result.warnings) log(`warning: ${w}`);
  log(`wrote ${args.output} (${plural(result.design.hosts.length, 'host')}, ${plural(result.design.tunnels.length, 'tunnel')}) and its keys in ${keysPath} (mode 600)`);
  return 0;
}
