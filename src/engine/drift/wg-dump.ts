import { formatPrefix, tryParsePrefix } from '../net';
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

// `wg show all dump`: an interface line has 5 tab-separated columns (interface, private key, public key, listen
// port, fwmark), a peer line 9 (interface, public key, preshared key, endpoint, allowed ips, latest handshake,
// rx bytes, tx bytes, persistent keepalive). wg(8), "dump" output.
const INTERFACE_COLUMNS = 5;
const PEER_COLUMNS = 9;
const KEY = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

/** Parses collect.sh's `wg-dump.txt`; `file` names it in errors, which give the line. */
export function parseWgDump(text: string, file: string): Map<string, LiveInterface> {
  const out = new Map<string, LiveInterface>();
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const bad = (detail: string) => new DriftInputError(file, i + 1, detail);
    const cols = line.split('\t');
    const [name = '', c1 = '', c2 = '', c3 = '', c4 = '', c5 = '', , , c8 = ''] = cols;
    if (cols.length === INTERFACE_COLUMNS) {
      if (!KEY.test(c2)) throw bad(`"${c2}" is not a WireGuard public key (column 3 of an interface line)`);
      out.set(name, { name, publicKey: c2, listenPort: whole(c3, 'listen port', bad), peers: [] });
      return;
    }
    if (cols.length !== PEER_COLUMNS) {
      throw bad(`${cols.length} tab-separated columns; wg show all dump prints ${INTERFACE_COLUMNS} (interface) or ${PEER_COLUMNS} (peer)`);
    }
    const iface = out.get(name);
    if (!iface) throw bad(`peer of interface "${name}" before that interface's own line`);
    if (!KEY.test(c1)) throw bad(`"${c1}" is not a WireGuard public key (column 2 of a peer line)`);
    const allowed = c4 === '(none)' || c4 === '' ? [] : c4.split(',').map((p) => {
      const prefix = tryParsePrefix(p);
      if (!prefix) throw bad(`"${p}" in allowed ips is not a prefix`);
      return formatPrefix(prefix);
    }).sort();
    iface.peers.push({
      publicKey: c1,
      presharedKey: c2 !== '(none)',
      endpoint: c3 === '(none)' ? null : c3,
      allowedIPs: allowed,
      latestHandshake: whole(c5, 'latest handshake', bad),
      keepalive: c8 === 'off' ? null : whole(c8, 'persistent keepalive', bad),
    });
  });
  return out;
}

function whole(text: string, what: string, bad: (d: string) => Error): number {
  if (!/^[0-9]{1,12}$/.test(text)) throw bad(`${what} "${text}" is not a whole number`);
  return Number(text);
}
