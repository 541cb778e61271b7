import { ConfigParseError } from './config-parse-error';
import { controlCharacter } from './wg-quick-parse';
import type { ParsedConfig, ParsedPeer } from './wg-quick-parse';
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
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\r|\n/);
  // `wg show all dump` puts the interface first on every line (5 or 9 fields); `wg show wg0 dump` does not (4 or 8).
  const firstFields = lines.find((l) => l.trim() !== '')?.split('\t').length ?? 0;
  const withName = firstFields === 5 || firstFields === 9;
  const out: DumpedInterface[] = [];
  const seen = new Map<string, number>();
  for (const [index, raw] of lines.entries()) {
    const lineNo = index + 1;
    if (raw.trim() === '') continue;
    const bad = controlCharacter(raw);
    if (bad !== null) error(lineNo, null, `control character ${bad} is not allowed`);
    const fields = raw.split('\t');
    const name = withName ? fields.shift() ?? '' : 'wg0';
    const fail: Fail = (detail) => error(lineNo, null, detail);
    if (fields.length === 4) {
      if (!/^[A-Za-z0-9_=+.-]{1,15}$/.test(name)) fail(`"${name}" is not an interface name`);
      const [privateKey, , port, fwMark] = fields as [string, string, string, string];
      const portFail: Fail = (d) => error(lineNo, 'ListenPort', d);
      out.push({ name, line: lineNo, config: { iface: {
        privateKey: privateKey === '(none)' ? null : privateKey, addresses: [],
        listenPort: port === '0' ? null : readInteger(port, 1, 65535, portFail), mtu: null, dns: [], table: null,
        fwMark: fwMark === 'off' ? null : fwMark, hooks: [], saveConfig: null, comment: null,
      }, peers: [] } });
      seen.clear();
    } else if (fields.length === 8) {
      const current = out.at(-1);
      if (current === undefined || current.name !== name) fail(`a peer of ${name} before its interface line`);
      const peer = dumpPeer(fields as [string, string, string, string, string, string, string, string], lineNo, error);
      const dup = seen.get(peer.publicKey);
      if (dup !== undefined) error(lineNo, 'PublicKey', `the same key as on line ${dup}`);
      seen.set(peer.publicKey, lineNo);
      current?.config.peers.push(peer);
    } else {
      fail(`${fields.length + (withName ? 1 : 0)} tab-separated fields; a \`wg show dump\` line has ${withName ? '5 or 9' : '4 or 8'}`);
    }
  }
  if (out.length === 0) error(0, null, 'no interface line (is this `wg show all dump` output?)');
  return out;
}

type Fields = [string, string, string, string, string, string, string, string];
type ErrorAt = (line: number, field: string | null, detail: string) => never;

function dumpPeer(fields: Fields, lineNo: number, error: ErrorAt): ParsedPeer {
  const [publicKey, psk, endpoint, allowed, , , , keepalive] = fields;
  const at = (field: string): Fail => (d) => error(lineNo, field, d);
  return {
    publicKey,
    presharedKey: psk === '(none)' ? null : psk,
    endpoint: endpoint === '(none)' ? null : endpoint,
    allowedIPs: allowed === '(none)' ? [] : readPrefixes(allowed, false, at('AllowedIPs')),
    persistentKeepalive: readKeepalive(keepalive, at('PersistentKeepalive')),
    comment: null,
    innerComment: null,
  };
}

/** What a file to import holds, told from its text: wg-quick (and `wg showconf`, the same syntax) or a dump. */
export function configFormat(text: string): 'wg-quick' | 'dump' {
  const first = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\r|\n/, 50).find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  // A dump line has 4 to 9 tab-separated fields; `Key\t=\tValue` in a wg-quick file has 3, a section header 1.
  return first !== undefined && first.split('\t').length >= 4 ? 'dump' : 'wg-quick';
}
