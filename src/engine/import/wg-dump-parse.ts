import { ConfigParseError } from './config-parse-error';
import { readDumpLines } from './wg-dump-lines';
import type { ParsedConfig } from './wg-quick-parse';
import { readInteger, readKeepalive, readPrefixes, type Fail } from './wg-quick-values';

/** One interface of a `wg show ... dump`: its name (`wg0`), the line it starts on and what it holds. */
export interface DumpedInterface {
  name: string;
  line: number;
  config: ParsedConfig;
}

/**
 * A dump of 10,000 peers is about 1.5 MB; 8 MiB leaves room for a fleet of that size and still refuses a runaway
 * file before it is split into lines.
 */
export const MAX_DUMP_BYTES = 8 * 1024 * 1024;

/**
 * `wg show all dump` (tab-separated, the interface name first) or `wg show wg0 dump` (the same without it) ->
 * one config per interface line. wg(8) prints an interface as `[iface] private-key public-key listen-port fwmark`
 * and each of its peers after it as `[iface] public-key preshared-key endpoint allowed-ips latest-handshake rx tx
 * keepalive`, `(none)` and `off` standing for nothing. Dumps of several hosts may simply be concatenated: each
 * interface line starts a new config. Pure; throws ConfigParseError naming the file and line.
 */
export function parseWgDump(text: string, fileName?: string): DumpedInterface[] {
  const error = (line: number, field: string | null, detail: string): never => {
    throw new ConfigParseError(fileName, line, field, detail);
  };
  if (text.length > MAX_DUMP_BYTES) error(0, null, `the file is larger than ${MAX_DUMP_BYTES} characters (8 MiB)`);
  const out: DumpedInterface[] = [];
  const seen = new Map<string, number>();
  for (const l of readDumpLines(text, 'either', (line, detail) => error(line, null, detail))) {
    const at = (field: string): Fail => (d) => error(l.line, field, d);
    if (l.kind === 'interface') {
      out.push({ name: l.iface, line: l.line, config: { iface: {
        privateKey: l.privateKey === '(none)' ? null : l.privateKey, addresses: [],
        listenPort: l.listenPort === '0' ? null : readInteger(l.listenPort, 1, 65535, at('ListenPort')), mtu: null,
        dns: [], table: null, fwMark: l.fwMark === 'off' ? null : l.fwMark, hooks: [], saveConfig: null, comment: null,
      }, peers: [] } });
      seen.clear();
      continue;
    }
    const dup = seen.get(l.publicKey);
    if (dup !== undefined) error(l.line, 'PublicKey', `the same key as on line ${dup}`);
    seen.set(l.publicKey, l.line);
    out.at(-1)?.config.peers.push({
      publicKey: l.publicKey,
      presharedKey: l.presharedKey === '(none)' ? null : l.presharedKey,
      endpoint: l.endpoint === '(none)' ? null : l.endpoint,
      allowedIPs: l.allowedIPs === '(none)' ? [] : readPrefixes(l.allowedIPs, false, at('AllowedIPs')),
      persistentKeepalive: readKeepalive(l.keepalive, at('PersistentKeepalive')),
      comment: null,
      innerComment: null,
    });
  }
  if (out.length === 0) error(0, null, 'no interface line (is this `wg show all dump` output?)');
  return out;
}

/** What a file to import holds, told from its text: wg-quick (and `wg showconf`, the same syntax) or a dump. */
export function configFormat(text: string): 'wg-quick' | 'dump' {
  const first = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\r|\n/, 50).find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  // A dump line has 4 to 9 tab-separated fields; `Key\t=\tValue` in a wg-quick file has 3, a section header 1.
  return first !== undefined && first.split('\t').length >= 4 ? 'dump' : 'wg-quick';
}
