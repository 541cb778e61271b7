import { describe, expect, it } from 'vitest';
import { ConfigParseError } from './config-parse-error';
import { configFormat, parseWgDump } from './wg-dump-parse';

const PRIV = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';
const PUB = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';
const PEER = 'gN65BkIKy1eCE9pP1wdc8ROUtkHLF2PfAqYdyYBz6EA=';
const PSK = 'FpCyhws9cxwWoV4xELtfJvjJN+zQVRPISllRWgeopVE=';
const row = (...f: string[]) => f.join('\t');

describe('parseWgDump', () => {
  it('reads `wg show wg0 dump` (no interface column): keys, port, fwmark, PSK, endpoint, AllowedIPs, keepalive', () => {
    const text = `${row(PRIV, PUB, '51820', '0xca6c')}\n${row(PEER, PSK, '[2001:db8::7]:51820', '10.0.0.2/32,fd00::2/128', '1733560000', '10', '20', '25')}\n`;
    const [only, ...rest] = parseWgDump(text, 'a.dump');
    expect(rest).toEqual([]);
    expect(only?.config.iface).toMatchObject({ privateKey: PRIV, listenPort: 51820, fwMark: '0xca6c', addresses: [] });
    expect(only?.config.peers).toEqual([{ publicKey: PEER, presharedKey: PSK, endpoint: '[2001:db8::7]:51820',
      allowedIPs: ['10.0.0.2/32', 'fd00::2/128'], persistentKeepalive: 25, comment: null, innerComment: null }]);
  });

  it('reads `wg show all dump` with two interfaces, and "(none)", "off" and port 0 as nothing', () => {
    const text = [row('wg0', PRIV, PUB, '0', 'off'), row('wg0', PEER, '(none)', '(none)', '(none)', '0', '0', '0', 'off'),
      row('wg1', '(none)', PUB, '51821', 'off')].join('\n');
    const dumped = parseWgDump(text);
    expect(dumped.map((d) => [d.name, d.line])).toEqual([['wg0', 1], ['wg1', 3]]);
    expect(dumped[0]?.config.iface).toMatchObject({ listenPort: null, fwMark: null });
    expect(dumped[0]?.config.peers[0]).toMatchObject({ presharedKey: null, endpoint: null, allowedIPs: [], persistentKeepalive: null });
    expect(dumped[1]?.config.iface.privateKey).toBeNull();
  });

  it.each([
    ['an empty file', '', 0, /no interface line/],
    ['a bad listen port', row('wg0', PRIV, PUB, '70000', 'off'), 1, /ListenPort: 70000 is out of range/],
    ['a bad interface name', row('wg0; rm -rf /', PRIV, PUB, '1', 'off'), 1, /is not an interface name/],
    ['a control character', row('wg0', PRIV, PUB, '1', 'off\u0007'), 1, /control character U\+0007/],
  ])('refuses %s, naming the line', (_, text, line, message) => {
    expect(() => parseWgDump(text, 'd.dump')).toThrow(ConfigParseError);
    expect(() => parseWgDump(text, 'd.dump')).toThrow(message);
    try {
      parseWgDump(text, 'd.dump');
    } catch (e) {
      expect((e as ConfigParseError).line).toBe(line);
    }
  });
});

describe('configFormat', () => {
  it('tells a dump from wg-quick text, tabs and comments in a wg-quick file notwithstanding', () => {
    expect(configFormat(row('wg0', PRIV, PUB, '51820', 'off'))).toBe('dump');
    expect(configFormat(`\uFEFF${row(PRIV, PUB, '51820', 'off')}`)).toBe('dump');
    expect(configFormat(`# a\tb\tc\td\n[Interface]\nPrivateKey\t=\t${PRIV}\n`)).toBe('wg-quick');
    expect(configFormat('')).toBe('wg-quick');
  });
});
