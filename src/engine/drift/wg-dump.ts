import { formatPrefix, tryParsePrefix } from '../net';
import { readDumpLines } from '../import/wg-dump-lines';
import { isKey } from '../keys';
import { DriftInputError } from './drift-input-error';

/** One `[Peer]` as `wg show all dump` prints it (preshared key redacted or `(none)`). */
export interface LivePeer {
  publicKey: string;
  /** True when the peer has a preshared key (collect.sh redacts it, `(none)` means none). */
  presharedKey: boolean;
  /** `(none)` becomes null: the peer has never been heard from and nothing sets one. */
  endpoint: string | null;
  /** Canonical `addr/len`, sorted. */
  allowedIPs: string[];
  /** Unix seconds; 0 means never. */
  latestHandshake: number;
  /** Seconds; null when off. */
  keepalive: number | null;
}

export interface LiveInterface {
  name: string;
  publicKey: string;
  listenPort: number;
  peers: LivePeer[];
}

/**
 * Parses collect.sh's `wg-dump.txt` (`wg show all dump`, read by import's dump reader); `file` names it in errors,
 * which give the line. Private and preshared keys arrive redacted: only whether a peer has a PSK is kept.
 */
export function parseWgDump(text: string, file: string): Map<string, LiveInterface> {
  const out = new Map<string, LiveInterface>();
  const fail = (line: number, detail: string): never => {
    throw new DriftInputError(file, line, detail);
  };
  for (const l of readDumpLines(text, 'all', fail)) {
    const bad = (detail: string) => fail(l.line, detail);
    if (l.kind === 'interface') {
      if (!isKey(l.publicKey)) bad(`"${l.publicKey}" is not a WireGuard public key (column 3 of an interface line)`);
      out.set(l.iface, { name: l.iface, publicKey: l.publicKey, listenPort: whole(l.listenPort, 'listen port', bad), peers: [] });
      continue;
    }
    if (!isKey(l.publicKey)) bad(`"${l.publicKey}" is not a WireGuard public key (column 2 of a peer line)`);
    const allowed = l.allowedIPs === '(none)' || l.allowedIPs === '' ? [] : l.allowedIPs.split(',').map((p) => {
      const prefix = tryParsePrefix(p);
      return prefix ? formatPrefix(prefix) : bad(`"${p}" in allowed ips is not a prefix`);
    }).sort();
    out.get(l.iface)?.peers.push({
      publicKey: l.publicKey,
      presharedKey: l.presharedKey !== '(none)',
      endpoint: l.endpoint === '(none)' ? null : l.endpoint,
      allowedIPs: allowed,
      latestHandshake: whole(l.latestHandshake, 'latest handshake', bad),
      keepalive: l.keepalive === 'off' ? null : whole(l.keepalive, 'persistent keepalive', bad),
    });
  }
  return out;
}

function whole(text: string, what: string, bad: (d: string) => never): number {
  if (!/^[0-9]{1,12}$/.test(text)) bad(`${what} "${text}" is not a whole number`);
  return Number(text);
}
