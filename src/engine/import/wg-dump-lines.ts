import { controlCharacter } from './wg-quick-parse';

/** An interface line of `wg show ... dump`, its columns as wg(8) prints them (`(none)`, `off` and `0` kept). */
export interface DumpInterfaceLine {
  kind: 'interface';
  line: number;
  iface: string;
  privateKey: string;
  publicKey: string;
  listenPort: string;
  fwMark: string;
}

/** A peer line, below its interface's line. */
export interface DumpPeerLine {
  kind: 'peer';
  line: number;
  iface: string;
  publicKey: string;
  presharedKey: string;
  endpoint: string;
  allowedIPs: string;
  latestHandshake: string;
  keepalive: string;
}

export type DumpLine = DumpInterfaceLine | DumpPeerLine;

/** Reports a line that cannot be read (1-based; 0 is the file as a whole) and does not return. */
export type DumpFail = (line: number, detail: string) => never;

/**
 * `all`: `wg show all dump`, the interface name first on every line (5 or 9 columns), as collect.sh writes it.
 * `either`: also `wg show wg0 dump` (4 or 8 columns, every line of interface `wg0`), told from the first line.
 */
export type DumpForm = 'all' | 'either';

const IFACE_NAME = /^[A-Za-z0-9_=+.-]{1,15}$/;

/**
 * Splits a dump into its lines and names their columns: the one reader of wg(8)'s dump format, under import (a
 * fleet's dump as a design) and drift (a host's collected dump against its plan), each of which reads the values.
 * Checks what every reader needs: no control characters, the column count, an interface name wg accepts, and a
 * peer only below its own interface's line. A BOM and any line ending are accepted; blank lines are skipped.
 */
export function readDumpLines(text: string, form: DumpForm, fail: DumpFail): DumpLine[] {
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\r|\n/);
  const firstColumns = lines.find((l) => l.trim() !== '')?.split('\t').length ?? 0;
  const named = form === 'all' || firstColumns === 5 || firstColumns === 9;
  const expected = named ? 'wg show all dump prints 5 (interface) or 9 (peer)' : 'wg show <interface> dump prints 4 (interface) or 8 (peer)';
  const out: DumpLine[] = [];
  let iface: string | null = null;
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (raw.trim() === '') continue;
    const bad = controlCharacter(raw);
    if (bad !== null) fail(line, `control character ${bad} is not allowed`);
    const cols = raw.split('\t');
    const name = named ? cols.shift() ?? '' : 'wg0';
    const [c0 = '', c1 = '', c2 = '', c3 = '', c4 = '', , , c7 = ''] = cols;
    if (cols.length === 4) {
      if (!IFACE_NAME.test(name)) fail(line, `"${name}" is not an interface name`);
      iface = name;
      out.push({ kind: 'interface', line, iface: name, privateKey: c0, publicKey: c1, listenPort: c2, fwMark: c3 });
    } else if (cols.length === 8) {
      if (iface !== name) fail(line, `a peer of ${name} before its interface line`);
      out.push({ kind: 'peer', line, iface: name, publicKey: c0, presharedKey: c1, endpoint: c2, allowedIPs: c3, latestHandshake: c4, keepalive: c7 });
    } else {
      fail(line, `${cols.length + (named ? 1 : 0)} tab-separated columns; ${expected}`);
    }
  }
  return out;
}
