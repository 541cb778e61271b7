import { describe, expect, it } from 'vitest';
import { readDumpLines } from './wg-dump-lines';
import type { DumpForm } from './wg-dump-lines';

const row = (...f: string[]) => f.join('\t');
const IFACE = row('wg0', '(none)', 'PUB', '51820', 'off');
const PEER = row('wg0', 'PEER', '(none)', '192.0.2.1:51820', '10.0.0.2/32', '17', '1', '2', '25');

/** The first failure as `line: detail`, or the lines read. */
function read(text: string, form: DumpForm = 'either') {
  try {
    return readDumpLines(text, form, (line, detail) => {
      throw new Error(`${line}: ${detail}`);
    });
  } catch (e) {
    return (e as Error).message;
  }
}

describe('readDumpLines', () => {
  it('names the columns of `wg show all dump`, with a BOM, CRLF and blank lines', () => {
    expect(read(`\uFEFF${IFACE}\r\n\r\n${PEER}\r\n`)).toEqual([
      { kind: 'interface', line: 1, iface: 'wg0', privateKey: '(none)', publicKey: 'PUB', listenPort: '51820', fwMark: 'off' },
      { kind: 'peer', line: 3, iface: 'wg0', publicKey: 'PEER', presharedKey: '(none)', endpoint: '192.0.2.1:51820',
        allowedIPs: '10.0.0.2/32', latestHandshake: '17', keepalive: '25' },
    ]);
  });

  it('reads `wg show wg0 dump` (no interface column) as wg0 when either form is allowed, and refuses it for `all`', () => {
    const text = `${IFACE.slice(4)}\n${PEER.slice(4)}`;
    expect(read(text)).toMatchObject([{ kind: 'interface', iface: 'wg0' }, { kind: 'peer', iface: 'wg0', keepalive: '25' }]);
    expect(read(text, 'all')).toBe('1: 4 tab-separated columns; wg show all dump prints 5 (interface) or 9 (peer)');
    expect(read(`${IFACE.slice(4)}\nx\ty`)).toBe('2: 2 tab-separated columns; wg show <interface> dump prints 4 (interface) or 8 (peer)');
  });

  it.each([
    ['a peer before any interface', `${PEER}\n${IFACE}`, '1: a peer of wg0 before its interface line'],
    ['a peer under another interface', `${IFACE}\n${PEER.replace('wg0', 'wg1')}`, '2: a peer of wg1 before its interface line'],
    ['a control character', `${IFACE}\u001b[2J`, '1: control character U+001B is not allowed'],
    ['an interface name wg refuses', IFACE.replace('wg0', 'wg0 $(reboot)'), '1: "wg0 $(reboot)" is not an interface name'],
  ])('refuses %s, naming the line', (_, text, message) => {
    expect(read(text)).toBe(message);
  });

  it('reads an empty file as no lines (its reader says what is missing)', () => {
    expect(read('\n\n')).toEqual([]);
  });
});
