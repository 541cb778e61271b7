import { ImportError } from './import-error';
import { hostIdFor } from './host-id';
import { ConfigParseError, parseWgQuick } from './wg-quick-parse';
import type { ParsedConfig } from './wg-quick-parse';
import { configFormat, parseWgDump } from './wg-dump-parse';

/** One config to import: its text and a name that hints at the host (`hub.conf`, `hub/wg0.conf`). */
export interface ConfigFile {
  name: string;
  text: string;
}

/** One interface to import, from a wg-quick file, `wg showconf` output or one interface of a dump. */
export interface ImportSource {
  /** The file, and for a dump the line and interface: what messages name. */
  where: string;
  file: string;
  /** The host id its name suggests. */
  idHint: string;
  config: ParsedConfig;
  /** 1-based line of the first line holding `text`, to name the line of a bad value found after parsing (0: none). */
  lineOf: (text: string) => number;
  format: 'wg-quick' | 'dump';
  /**
   * What wg holds at run time (a dump, or `wg showconf` output: a wg-quick-style file with no key only wg-quick
   * reads). Its peer Endpoints may be where a peer was last seen, not where it listens.
   */
  runtime: boolean;
}

/** Reads every file as the format its text shows; the first bad line of any file stops the whole import. */
export function readSources(files: readonly ConfigFile[]): ImportSource[] {
  return files.flatMap((f): ImportSource[] => {
    // The value as a whole item (after `=`, a tab or a comma), so `AAAA=` is not found inside a longer key.
    const lineOf = (needle: string) => {
      if (needle === '') return 0;
      const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const item = new RegExp(`(?:^|[=,\\s])${escaped}(?:$|[,#\\s])`);
      const index = f.text.split(/\r\n|\r|\n/).findIndex((l) => item.test(l));
      return index + 1;
    };
    try {
      if (configFormat(f.text) === 'wg-quick') {
        const config = parseWgQuick(f.text, f.name);
        const i = config.iface;
        const runtime = i.addresses.length === 0 && i.mtu === null && i.dns.length === 0 && i.table === null && i.hooks.length === 0 && i.saveConfig === null;
        return [{ where: f.name, file: f.name, idHint: hostIdFor(f.name), config, lineOf, format: 'wg-quick', runtime }];
      }
      const dumped = parseWgDump(f.text, f.name);
      return dumped.map((d) => ({
        where: dumped.length === 1 ? f.name : `${f.name} line ${d.line} (${d.name})`,
        file: f.name,
        idHint: dumped.length === 1 ? hostIdFor(f.name) : `${hostIdFor(f.name)}-${hostIdFor(d.name)}`,
        config: d.config,
        lineOf,
        format: 'dump' as const,
        runtime: true,
      }));
    } catch (e) {
      if (e instanceof ConfigParseError) throw new ImportError(e.message);
      throw e;
    }
  });
}
