import { encodeKey } from '../keys';

/**
 * Hostile values, grouped by the kind of field they attack. Each is a function of the canary path: a payload that
 * ever ran as a command would create that file, so "the canary never appears" proves nothing executed. Values are
 * text, or `{ json }` for raw JSON that `JSON.stringify` cannot produce (1e400, -0, wrong types).
 */
export type PayloadValue = string | { json: string };

export interface Payload {
  /** `[a-z0-9-]`: part of the case id, and so of the canary file name. */
  label: string;
  value: (canary: string) => PayloadValue;
  /** For id-like payloads: the schema accepts it (it is a plausible, if unusual, value). */
  valid?: boolean;
}

const p = (label: string, value: (canary: string) => PayloadValue, valid = false): Payload => ({ label, value, valid });
const json = (text: string) => () => ({ json: text });

/** A well-formed key nobody holds the private half of: planted in payloads that try to add a peer. */
export const PLANTED_KEY = encodeKey(Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff));

/** Names, notes, the design name: free text that may only ever become a sanitised comment. */
export const FREE_TEXT: readonly Payload[] = [
  p('newline-postup', (c) => `db\nPostUp = touch ${c}`),
  p('crlf-postup', (c) => `db\r\nPostUp = touch ${c}`),
  p('cr-postup', (c) => `db\rPostUp = touch ${c}`),
  p('nul-postup', (c) => `db\u0000\nPostUp = touch ${c}`),
  p('nel-postup', (c) => `db\u0085PostUp = touch ${c}`),
  p('vt-ff-postup', (c) => `db\u000b\u000cPostUp = touch ${c}`),
  p('line-separator', (c) => `db\u2028PostUp = touch ${c}`),
  p('paragraph-separator', (c) => `db\u2029PostUp = touch ${c}`),
  p('tab-postup', (c) => `db\tPostUp = touch ${c}`),
  p('every-hook', (c) => `x\nPreUp = touch ${c}\nPreDown = touch ${c}\nPostDown = touch ${c}`),
  p('odd-case-hook', (c) => `x\n  postup=touch ${c}\nPOSTUP = touch ${c}`),
  p('double-quote', (c) => `db"; touch ${c}; echo "`),
  p('single-quote', (c) => `db'; touch ${c}; echo '`),
  p('command-substitution', (c) => `$(touch ${c})`),
  p('backticks', (c) => `\`touch ${c}\``),
  p('semicolon', (c) => `db; touch ${c}`),
  p('and-or-pipe', (c) => `db && touch ${c} || touch ${c} | tee ${c}`),
  p('redirect', (c) => `db > ${c}`),
  p('process-substitution', (c) => `<(touch ${c})`),
  p('ifs', (c) => `\${IFS}touch\${IFS}${c}`),
  p('ansi-c-quote', (c) => `$'\\ntouch ${c}'`),
  p('heredoc', (c) => `<<EOF\ntouch ${c}\nEOF`),
  p('backslash-newline', (c) => `db \\\ntouch ${c}`),
  p('backslash-escape', (c) => `db\\nPostUp = touch ${c}\\x0a`),
  p('hash-then-peer', () => `db #\n[Peer]\nPublicKey = ${PLANTED_KEY}\nAllowedIPs = 0.0.0.0/0, ::/0`),
  p('section-header', (c) => `]\n[Interface]\nPostUp = touch ${c}`),
  p('nft-quote-break', () => 'x" ; flush ruleset ; add table inet evil ; comment "'),
  p('nft-brace-break', () => '}\n}\nflush ruleset\ntable inet wg_designer {'),
  p('iptables-break', () => 'x" -j ACCEPT\n-A INPUT -j ACCEPT\nCOMMIT\n# "'),
  p('dotdot-path', () => '../../../../etc/cron.d/wgd'),
  p('rtl-override', (c) => `\u202Ehcuot ${c}\u202C`),
  p('bidi-isolates', (c) => `db\u2066\u2069 \u2067touch ${c}\u2069`),
  p('fullwidth', (c) => `\uFF30\uFF4F\uFF53\uFF54\uFF35\uFF50 \uFF1D \uFF54\uFF4F\uFF55\uFF43\uFF48 ${c}`),
  p('fullwidth-metachars', (c) => `\uFF04\uFF08touch ${c}\uFF09\uFF1B\uFF40x\uFF40\uFF02\uFF07`),
  p('cyrillic-lookalike', (c) => `\n\u0420ostU\u0440 = touch ${c}`),
  p('zero-width', (c) => `Post\u200BUp\u200C=\u200D touch ${c}\uFEFF`),
  p('bom-start', (c) => `\uFEFFPostUp = touch ${c}`),
  p('combining-marks', (c) => `P\u0301o\u0308stUp = touch ${c}`),
  p('lone-surrogate', () => 'db\uD800\nPostUp\uDC00'),
  p('emoji-at-truncation', () => `${'a'.repeat(118)}${'\u{1F600}'.repeat(40)}`),
  p('terminal-escape', () => '\u001b]0;owned\u0007\u001b[2J\u009b31m'),
  p('html-script', () => '<script>alert(1)</script><img src=x onerror=alert(1)>'),
  p('markdown-injection', () => '[x](javascript:alert(1)) ![t](http://203.0.113.9/x.png) | col | **b** `code`'),
  p('mermaid-injection', () => '"]\nclick h_hub call alert(1)\nh_x["'),
  p('jinja-template', (c) => `{{ lookup('pipe', 'touch ${c}') }} {% raw %}`),
  p('yaml-break', () => "x'\n- hosts: all\n  tasks: [{command: id}]"),
  p('percent-encoded', (c) => `%0APostUp%20%3D%20touch%20${c}`),
  p('private-use-unassigned', () => '\uE000\uF8FF\u0378\uFFFF'),
  p('only-unsafe', () => '"\'`\\$;|&<>{}'),
  p('empty', () => ''),
  p('unicode-spaces', () => ' \u00a0\u3000\u2003 '),
  p('at-name-limit', () => 'n'.repeat(200)),
  p('huge-100k', (c) => `${'A'.repeat(100_000)}\nPostUp = touch ${c}`),
  p('not-a-string', json('{"toString":"touch"}')),
];

/** Ids and id references: `[a-z0-9-]`, 1-63 characters, or refused. */
export const IDS: readonly Payload[] = [
  p('dotdot', () => '../x'),
  p('slash', () => 'a/b'),
  p('uppercase', () => 'A'),
  p('newline-postup', (c) => `x\nPostUp = touch ${c}`),
  p('semicolon', (c) => `x;touch ${c}`),
  p('command-substitution', (c) => `$(touch ${c})`),
  p('empty', () => ''),
  p('leading-dash', () => '-x'),
  p('trailing-dash', () => 'x-'),
  p('underscore', () => 'x_y'),
  p('too-long', () => 'a'.repeat(64)),
  p('space', () => 'x y'),
  p('fullwidth', () => '\uFF58'),
  p('cyrillic', () => '\u0445'),
  p('zero-width', () => 'x\u200B'),
  p('nul', () => 'x\u0000'),
  p('trailing-newline', () => 'x\n'),
  p('dot', () => '.'),
  p('dotdot-only', () => '..'),
  p('dotted', () => 'x.y'),
  p('backslash', () => 'a\\b'),
  p('proto', () => '__proto__'),
  p('number', json('7')),
  p('object', json('{"id":"x"}')),
  p('constructor', () => 'constructor', true),
  p('prototype', () => 'prototype', true),
  p('digit', () => '0', true),
  p('at-id-limit', () => `z${'9'.repeat(62)}`, true),
];

/** Endpoints: host:port that the parser re-formats, or refuses. `localhost` resolves inside any namespace. */
export const ENDPOINTS: readonly Payload[] = [
  p('newline-postup', (c) => `1.2.3.4:51820\nPostUp = touch ${c}`),
  p('command-substitution', (c) => `$(touch ${c}):1`),
  p('backticks', (c) => `\`touch ${c}\`:51820`),
  p('semicolon', (c) => `1.2.3.4:51820;touch ${c}`),
  p('port-too-big', () => '[::1]:99999'),
  p('port-zero', () => '1.2.3.4:0'),
  p('port-negative', () => '1.2.3.4:-1'),
  p('port-leading-zero', () => '1.2.3.4:051820'),
  p('port-exponent', () => '1.2.3.4:1e3'),
  p('port-plus', () => '1.2.3.4:+1'),
  p('no-port', () => '1.2.3.4'),
  p('ipv6-no-brackets', () => '::1:51820'),
  p('ipv6-no-colon', () => '[::1]51820'),
  p('ipv4-mapped', () => '[::ffff:1.2.3.4]:1'),
  p('zone-id', () => '[fe80::1%eth0]:1'),
  p('octal', () => '010.0.0.1:1'),
  p('hex-short', () => '0x7f.1:1'),
  p('short-form', () => '127.1:1'),
  p('space', () => 'ex ample.com:1'),
  p('semicolon-name', () => 'a;b.com:1'),
  p('underscore-name', () => 'a_b.com:1'),
  p('dash-label', () => '-a.com:1'),
  p('long-label', () => `${'a'.repeat(64)}.com:1`),
  p('unicode-name', () => '\u043F\u0440\u0438\u043C\u0435\u0440.com:1'),
  p('fullwidth-digits', () => '\uFF11.\uFF12.\uFF13.\uFF14:1'),
  p('trailing-space', () => '1.2.3.4:51820 '),
  p('trailing-hash', () => '1.2.3.4:51820#'),
  p('quoted', () => "'1.2.3.4:1'"),
  p('carriage-return', () => '1.2.3.4:51820\r'),
  p('huge-100k', () => `${'a.'.repeat(50_000)}com:1`),
  p('not-a-string', json('51820')),
  p('localhost', () => 'localhost:51820', true),
  p('uppercase-ipv6', () => '[2001:DB8:0::0:2]:51820', true),
];

/** Prefixes and addresses: parsed and re-formatted, or refused. */
export const PREFIXES: readonly Payload[] = [
  p('semicolon', (c) => `10.0.0.0/8;touch ${c}`),
  p('trailing-newline', () => '10.0.0.1/32\n'),
  p('newline-postup', (c) => `10.10.1.77/32\nPostUp = touch ${c}`),
  p('command-substitution', (c) => `$(touch ${c})/32`),
  p('length-33', () => '10.0.0.1/33'),
  p('length-negative', () => '10.0.0.1/-1'),
  p('length-leading-zero', () => '10.0.0.1/032'),
  p('length-space', () => '10.0.0.1/ 32'),
  p('octet-256', () => '10.0.0.256/32'),
  p('three-octets', () => '10.0.0/24'),
  p('hex', () => '0x0a.0.0.1/32'),
  p('octal', () => '010.0.0.1/32'),
  p('ipv4-mapped', () => '::ffff:10.0.0.1/128'),
  p('zone-id', () => 'fe80::1%eth0/64'),
  p('comma-list', () => '10.0.0.1/32,10.0.0.2/32'),
  p('space-list', () => '10.0.0.1/32 10.0.0.2/32'),
  p('fullwidth', () => '\uFF11\uFF10.0.0.1/32'),
  p('nul', () => '10.0.0.1/32\u0000'),
  p('ipv6-length-129', () => '2001:db8::/129'),
  p('ipv6-triple-colon', () => '2001:db8:::/64'),
  p('huge-100k', () => `10.0.0.1/${'3'.repeat(100_000)}`),
  p('not-a-string', json('167772161')),
  p('uppercase-ipv6', () => 'FD10:10:0:0::77/128', true),
  p('bare-address', () => '10.10.1.77', true),
];

/** Integers in range (ports, MTU, keepalive), as raw JSON so non-numbers and odd numbers arrive as written. */
export const NUMBERS: readonly Payload[] = [
  p('negative', json('-1')),
  p('zero', json('0')),
  p('above-65535', json('65536')),
  p('exponent-1e9', json('1e9')),
  p('fraction', json('1.5')),
  p('string', json('"22"')),
  p('string-injection', json('"22; rm -rf /"')),
  p('boolean', json('true')),
  p('array', json('[22]')),
  p('object', json('{"valueOf":22}')),
  p('infinity-1e400', json('1e400')),
  p('beyond-safe-integer', json('9007199254740993')),
  p('negative-zero', json('-0'), true),
  p('trailing-zero-fraction', json('1420.0'), true),
];

/** Keys: canonical 44-character base64 or refused. */
export const KEYS: readonly Payload[] = [
  p('newline-postup', (c) => `${PLANTED_KEY}\nPostUp = touch ${c}`),
  p('trailing-newline', () => `${PLANTED_KEY}\n`),
  p('45-chars', () => `A${PLANTED_KEY}`),
  p('43-chars', () => PLANTED_KEY.slice(1)),
  p('no-padding', () => `${PLANTED_KEY.slice(0, 43)}A`),
  p('double-padding', () => `${'A'.repeat(42)}==`),
  p('stray-low-bits', () => `${'A'.repeat(42)}B=`),
  p('url-safe', () => `${'-_'.repeat(21)}A=`),
  p('inner-space', () => `${PLANTED_KEY.slice(0, 20)} ${PLANTED_KEY.slice(21)}`),
  p('command-substitution', (c) => `$(touch ${c})`.padEnd(43, 'A').slice(0, 43) + '='),
  p('fullwidth', () => `\uFF21${PLANTED_KEY.slice(1)}`),
  p('nul', () => `${PLANTED_KEY.slice(0, 43)}\u0000`),
  p('empty', () => ''),
  p('not-a-string', json('[1,2,3]')),
  p('planted', () => PLANTED_KEY, true),
];
