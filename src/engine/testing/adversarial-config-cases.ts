import { encodeKey, generateKeypair, seededRandom } from '../keys';
import type { ConfigFile } from '../import/import-configs';
import type { AdversarialCase } from './adversarial-case';
import { PLANTED_KEY } from './adversarial-payloads';

const HUB = generateKeypair(seededRandom(801));
const APP = generateKeypair(seededRandom(802));

interface Extra {
  /** Lines added at the end of hub.conf's [Interface]. */
  iface?: string;
  /** Lines added at the end of hub.conf's [Peer] (app). */
  peer?: string;
  /** Replaces hub.conf's peer AllowedIPs value. */
  allowed?: string;
  /** Replaces app.conf's Endpoint value (the hub's address as app dials it). */
  endpoint?: string;
  /** hub.conf's name. */
  name?: string;
  /** Rewrites hub.conf's whole text last. */
  rewrite?: (text: string) => string;
}

/** Two honest configs, hub and app, with the attack in hub.conf (or in app's Endpoint). */
function configs(x: Extra = {}): ConfigFile[] {
  const hub = [
    '[Interface]', `PrivateKey = ${HUB.privateKey}`, 'Address = 10.0.0.1/24', 'ListenPort = 51820', ...(x.iface ? [x.iface] : []),
    '', '[Peer]', `PublicKey = ${APP.publicKey}`, `AllowedIPs = ${x.allowed ?? '10.0.0.2/32'}`, ...(x.peer ? [x.peer] : []), '',
  ].join('\n');
  const app = [
    '[Interface]', `PrivateKey = ${APP.privateKey}`, 'Address = 10.0.0.2/24', '',
    '[Peer]', `PublicKey = ${HUB.publicKey}`, 'AllowedIPs = 10.0.0.0/24', `Endpoint = ${x.endpoint ?? '203.0.113.1:51820'}`,
    'PersistentKeepalive = 25', '',
  ].join('\n');
  return [{ name: x.name ?? 'hub.conf', text: x.rewrite ? x.rewrite(hub) : hub }, { name: 'app.conf', text: app }];
}

/**
 * wg-quick configs to import: hooks in any spelling (dropped, said so), injection in every value (refused on its
 * line), NUL and other controls, oversized files, hostile file names (which become `[a-z0-9-]` ids).
 */
export function configCases(canaryDir: string): AdversarialCase[] {
  const cases: AdversarialCase[] = [];
  const add = (id: string, field: string, make: (c: string) => ConfigFile[], expect: AdversarialCase['expect'], names: RegExp) =>
    cases.push({ id: `config--${id}`, field, input: { kind: 'configs', files: make(`${canaryDir}/config--${id}`) }, expect, names });
  const accepted = /$^/;

  // Hooks: wg-quick runs them through bash; the importer drops every one and the export writes none.
  for (const [id, line] of [
    ['postup', 'PostUp = touch @C@'], ['postup-lowercase', 'postup = touch @C@'], ['postup-uppercase', 'POSTUP=touch @C@'],
    ['postdown-mixed-case', 'PoStDoWn = touch @C@'], ['preup', 'PreUp = touch @C@'], ['predown', 'PreDown = touch @C@'],
    ['postup-indented', '   PostUp = touch @C@'], ['postup-tabs', 'PostUp\t=\ttouch @C@'],
    ['postup-substitution', 'PostUp = $(touch @C@); `touch @C@`'], ['postup-repeated', 'PostUp = touch @C@\nPostUp = touch @C@\nPreDown = touch @C@'],
    ['postup-after-key', `PostUp = touch @C@ # PrivateKey = ${PLANTED_KEY}`],
  ] as const) {
    add(`hook-${id}`, 'PostUp', (c) => configs({ iface: line.replaceAll('@C@', c) }), 'export', accepted);
  }
  add('hook-crlf', 'PostUp', (c) => configs({ iface: `PostUp = touch ${c}`, rewrite: (t) => t.replaceAll('\n', '\r\n') }), 'export', accepted);
  add('hook-cr-only', 'PostUp', (c) => configs({ iface: `PostUp = touch ${c}`, rewrite: (t) => t.replaceAll('\n', '\r') }), 'export', accepted);
  add('hook-in-peer', 'PostUp', (c) => configs({ peer: `PostUp = touch ${c}` }), 'reject', /PostUp: belongs in \[Interface\]/);
  add('hook-lookalike-fullwidth', 'PostUp', (c) => configs({ iface: `\uFF30ostUp = touch ${c}` }), 'reject', /unknown key in \[Interface\]/);
  add('hook-lookalike-cyrillic', 'PostUp', (c) => configs({ iface: `\u0420ostUp = touch ${c}` }), 'reject', /unknown key in \[Interface\]/);
  add('hook-zero-width', 'PostUp', (c) => configs({ iface: `Post\u200BUp = touch ${c}` }), 'reject', /unknown key in \[Interface\]/);
  add('hook-no-equals', 'PostUp', (c) => configs({ iface: `PostUp touch ${c}` }), 'reject', /is not "Key = Value"/);

  // Controls and size.
  add('nul-in-value', 'Address', (c) => configs({ iface: `Address = 10.0.0.9/32\u0000PostUp = touch ${c}` }), 'reject', /line 5: control character U\+0000/);
  add('nul-in-comment', 'comment', (c) => configs({ iface: `# \u0000 touch ${c}` }), 'reject', /line 5: control character U\+0000/);
  add('escape-in-value', 'Table', () => configs({ iface: 'Table = \u001b[2J' }), 'reject', /line 5: control character U\+001B/);
  add('c1-control', 'DNS', () => configs({ iface: 'DNS = 1.1.1.1\u0085PostUp' }), 'reject', /line 5: control character U\+0085/);
  add('file-2-mib', 'file', () => configs({ iface: `# ${'x'.repeat(2 * 1024 * 1024)}` }), 'reject', /larger than 1048576 bytes/);
  add('file-multibyte-over-1-mib', 'file', () => configs({ iface: `# ${'\u00e9'.repeat(600_000)}` }), 'reject', /larger than 1048576 bytes/);
  add('empty-file', 'file', () => configs({ rewrite: () => '' }), 'reject', /no \[Interface\] section/);

  // Values: each is refused on its own line, naming the key.
  const refused = (id: string, field: string, extra: (c: string) => Extra) =>
    add(id, field, (c) => configs(extra(c)), 'reject', new RegExp(`line \\d+: ${field}:`));
  refused('allowedips-semicolon', 'AllowedIPs', (c) => ({ allowed: `10.0.0.2/32; touch ${c}` }));
  refused('allowedips-substitution', 'AllowedIPs', (c) => ({ allowed: `10.0.0.2/32, $(touch ${c})` }));
  refused('allowedips-substitution-prefix', 'AllowedIPs', (c) => ({ allowed: `$(touch ${c})/32` }));
  refused('allowedips-space', 'AllowedIPs', () => ({ allowed: '10.0.0.2/32 10.0.0.3/32' }));
  refused('allowedips-length-33', 'AllowedIPs', () => ({ allowed: '10.0.0.2/33' }));
  refused('allowedips-empty-item', 'AllowedIPs', () => ({ allowed: '10.0.0.2/32,,10.0.0.3/32' }));
  refused('listenport-huge', 'ListenPort', () => ({ iface: 'ListenPort = 99999' }));
  refused('mtu-exponent', 'MTU', () => ({ iface: 'MTU = 1e9' }));
  refused('keepalive-negative', 'PersistentKeepalive', () => ({ peer: 'PersistentKeepalive = -1' }));
  refused('saveconfig-injection', 'SaveConfig', (c) => ({ iface: `SaveConfig = true; touch ${c}` }));
  refused('address-double-slash', 'Address', () => ({ iface: 'Address = 10.0.0.1/24, 10.0.0.9/32/32' }));
  add('address-glob', 'Address', () => configs({ iface: 'Address = *' }), 'reject', /Address: /);
  refused('duplicate-listenport', 'ListenPort', () => ({ iface: 'ListenPort = 51821' }));
  refused('duplicate-publickey-line', 'PublicKey', () => ({ peer: `PublicKey = ${PLANTED_KEY}` }));
  add('allowedips-mapped', 'AllowedIPs', () => configs({ allowed: '::ffff:10.0.0.2/128' }), 'reject', /AllowedIPs: "::ffff:10.0.0.2\/128" is not an IPv4 or IPv6 prefix/);
  add('allowedips-fullwidth', 'AllowedIPs', () => configs({ allowed: '\uFF11\uFF10.0.0.2/32' }), 'reject', /AllowedIPs: /);
  add('address-substitution', 'Address', (c) => configs({ iface: `Address = 10.0.0.9/32, $(touch ${c})` }), 'reject', /Address: /);
  add('endpoint-semicolon', 'Endpoint', (c) => configs({ endpoint: `203.0.113.1:51820;touch ${c}` }), 'reject', /Endpoint: /);
  add('endpoint-substitution', 'Endpoint', (c) => configs({ endpoint: `$(touch ${c}):51820` }), 'reject', /Endpoint: /);
  add('endpoint-backticks', 'Endpoint', (c) => configs({ endpoint: `\`touch ${c}\`:51820` }), 'reject', /Endpoint: /);
  add('endpoint-port-99999', 'Endpoint', () => configs({ endpoint: '[::1]:99999' }), 'reject', /Endpoint: /);
  add('endpoint-space-hook', 'Endpoint', (c) => configs({ endpoint: `203.0.113.1:51820 PostUp = touch ${c}` }), 'reject', /Endpoint: /);
  add('endpoint-underscore', 'Endpoint', () => configs({ endpoint: 'evil_host.example:51820' }), 'reject', /Endpoint: /);
  add('privatekey-45', 'PrivateKey', () => configs({ rewrite: (t) => t.replace(`PrivateKey = ${HUB.privateKey}`, `PrivateKey = A${HUB.privateKey}`) }), 'reject', /PrivateKey: /);
  add('privatekey-missing', 'PrivateKey', () => configs({ rewrite: (t) => t.replace(`PrivateKey = ${HUB.privateKey}\n`, '') }), 'reject', /has no PrivateKey/);
  add('publickey-url-safe', 'PublicKey', () => configs({ rewrite: (t) => t.replace(`PublicKey = ${APP.publicKey}`, `PublicKey = ${APP.publicKey.replaceAll('+', '-').replaceAll('/', '_').replace(/^./, '-')}`) }), 'reject', /PublicKey: /);
  add('presharedkey-newline-hook', 'PresharedKey', (c) => configs({ peer: `PresharedKey = ${PLANTED_KEY}\nPostUp = touch ${c}` }), 'reject', /PostUp: belongs in \[Interface\]/);
  add('presharedkey-short', 'PresharedKey', () => configs({ peer: `PresharedKey = ${PLANTED_KEY.slice(2)}` }), 'reject', /PresharedKey: /);
  add('listenport-zero', 'listenPort', () => configs({ rewrite: (t) => t.replace('ListenPort = 51820', 'ListenPort = 0') }), 'reject', /listenPort: /);
  add('second-interface', 'Interface', () => configs({ peer: `[Interface]\nPrivateKey = ${PLANTED_KEY}` }), 'reject', /a second \[Interface\]/);
  add('unknown-section', 'section', () => configs({ peer: '[Evil]' }), 'reject', /unknown section \[Evil\]/);
  add('unknown-key', 'Include', () => configs({ iface: 'Include = /etc/shadow' }), 'reject', /Include: unknown key/);
  add('same-private-key-twice', 'PrivateKey', () => [...configs(), { name: 'copy.conf', text: configs()[0]?.text ?? '' }], 'reject', /the same PrivateKey/);
  add('peer-is-itself', 'PublicKey', () => configs({ rewrite: (t) => t.replace(`PublicKey = ${APP.publicKey}`, `PublicKey = ${HUB.publicKey}`) }), 'reject', /tunnels\[0\] \(t-hub-hub\)\.b: a tunnel joins two different hosts/);

  // Accepted: values that are dropped (with a warning) or kept in their parsed, re-formatted form.
  const exported = (id: string, field: string, make: (c: string) => ConfigFile[]) => add(id, field, make, 'export', accepted);
  exported('dns-injection', 'DNS', (c) => configs({ iface: `DNS = 1.1.1.1; touch ${c}` }));
  exported('table-injection', 'Table', (c) => configs({ iface: `Table = off; touch ${c}` }));
  exported('fwmark-injection', 'FwMark', (c) => configs({ iface: `FwMark = $(touch ${c})` }));
  exported('comment-after-value', 'AllowedIPs', (c) => configs({ allowed: `10.0.0.2/32 # $(touch ${c})` }));
  exported('comments-above-peer', 'comment', (c) => configs({ rewrite: (t) => t.replace('[Peer]', `# $(touch ${c})\n# PostUp = touch ${c}\n[Peer]`) }));
  exported('bom', 'file', () => configs({ rewrite: (t) => `\uFEFF${t}` }));
  exported('sections-uppercase', 'section', () => configs({ rewrite: (t) => t.replace('[Interface]', '[INTERFACE]').replace('[Peer]', '[peer]') }));
  exported('address-space-separated', 'Address', () => configs({ iface: 'Address = 10.0.0.9/32 fd00::9/128' }));
  exported('endpoint-localhost', 'Endpoint', () => configs({ endpoint: 'LOCALHOST:51820' }));
  exported('endpoint-ipv6-uppercase', 'Endpoint', () => configs({ endpoint: '[2001:DB8::0001]:51820' }));
  exported('keepalive-off', 'PersistentKeepalive', () => configs({ peer: 'PersistentKeepalive = OFF' }));
  const many = (n: number) => Array.from({ length: n }, (_, i) => `10.${1 + (i >> 8)}.${i & 255}.0/24`).join(', ');
  exported('allowedips-256', 'AllowedIPs', () => configs({ allowed: many(256) }));
  add('allowedips-1000', 'AllowedIPs', () => configs({ allowed: many(1000) }), 'reject', /allowedIPs\.ba: must have at most 256 entries/);
  exported('peers-300-unknown', 'PublicKey', () => configs({ peer: Array.from({ length: 300 }, (_, i) => {
    const bytes = new Uint8Array(32);
    seededRandom(20_000 + i)(bytes);
    const key = encodeKey(bytes);
    return `\n[Peer]\nPublicKey = ${key}\nAllowedIPs = 10.9.${i >> 8}.${i & 255}/32`;
  }).join('\n') }));
  for (const [id, name] of [
    ['dotdot', '../../../etc/cron.d/hub.conf'], ['substitution', '$(touch @C@).conf'], ['newline', 'hub\nPostUp = touch @C@.conf'],
    ['backslashes', '..\\..\\windows\\hub.conf'], ['bare-interface', 'wg0.conf'], ['only-extension', '.conf'],
    ['huge', `${'A'.repeat(10_000)}.conf`], ['unicode', '\u0445\u0443\u0431\u202E.conf'], ['absolute', '/etc/wireguard/wg0.conf'],
  ] as const) {
    exported(`file-name-${id}`, 'name', (c) => configs({ name: name.replaceAll('@C@', c) }));
  }
  return cases;
}
