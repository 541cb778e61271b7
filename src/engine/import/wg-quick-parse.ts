import { ConfigParseError } from './config-parse-error';
import { readBool, readInteger, readKeepalive, readList, readPrefixes, type Fail } from './wg-quick-values';

export { ConfigParseError } from './config-parse-error';

/** The [Interface] section: wg(8) keys plus the ones only wg-quick(8) reads (Address, DNS, MTU, Table, hooks). */
export interface ParsedInterface {
  privateKey: string | null;
  addresses: string[];
  listenPort: number | null;
  mtu: number | null;
  dns: string[];
  table: string | null;
  fwMark: string | null;
  /** Kept, in file order, only so the importer can say which shell commands it dropped. */
  hooks: Array<{ key: HookKey; value: string }>;
  saveConfig: boolean | null;
  /** The `#` comment lines inside [Interface] (generators put `# Name: x` there), trimmed, joined by "\n". */
  comment: string | null;
}

/** One [Peer] section. `persistentKeepalive` is null when absent or `off`. */
export interface ParsedPeer {
  publicKey: string;
  presharedKey: string | null;
  allowedIPs: string[];
  endpoint: string | null;
  persistentKeepalive: number | null;
  /** The `#` comment lines directly above `[Peer]` (no blank line between), `#` and spaces trimmed, joined by "\n". */
  comment: string | null;
  /** The `#` comment lines inside the section (wg-meshconf's `# Name: x`), except a block directly above the next [Peer]. */
  innerComment: string | null;
}

/** A whole wg-quick config, values still strings except numbers and SaveConfig. */
export interface ParsedConfig {
  iface: ParsedInterface;
  peers: ParsedPeer[];
}

type HookKey = 'PreUp' | 'PostUp' | 'PreDown' | 'PostDown';

/** Real configs are a few KiB; 1 MiB is far past any of them and still cheap to refuse before splitting. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

const INTERFACE_KEYS = ['PrivateKey', 'Address', 'ListenPort', 'MTU', 'DNS', 'Table', 'FwMark', 'PreUp', 'PostUp',
  'PreDown', 'PostDown', 'SaveConfig'] as const;
const PEER_KEYS = ['PublicKey', 'PresharedKey', 'AllowedIPs', 'Endpoint', 'PersistentKeepalive'] as const;
type InterfaceKey = (typeof INTERFACE_KEYS)[number];
type PeerKey = (typeof PEER_KEYS)[number];
/**
 * Keys only wg-quick(8) reads, which it accepts with an empty value (wg-easy writes `PreUp = `): an empty Address or
 * DNS adds nothing, an empty MTU or Table leaves the default, an empty hook runs nothing. wg(8)'s own keys and
 * SaveConfig (read_bool) refuse an empty value, so they stay refused here.
 */
const EMPTY_ALLOWED: ReadonlySet<string> = new Set(['Address', 'DNS', 'MTU', 'Table', 'PreUp', 'PostUp', 'PreDown', 'PostDown']);

/**
 * Keys that wg-quick lets repeat, each line adding to the list; any other key given twice is refused as ambiguous.
 * A constant (read-only by its type), not state.
 */
const REPEATABLE: ReadonlySet<string> = new Set(['Address', 'DNS', 'AllowedIPs', 'PreUp', 'PostUp', 'PreDown', 'PostDown']);

type PeerDraft = Omit<ParsedPeer, 'publicKey'> & { publicKey: string | null };
type Section =
  | { kind: 'interface'; seen: Map<string, number>; inner: string[]; iface: ParsedInterface }
  | { kind: 'peer'; seen: Map<string, number>; inner: string[]; line: number; peer: PeerDraft };

/** What the line loop carries from one line to the next. */
interface State {
  error: (line: number, field: string | null, detail: string) => never;
  iface: ParsedInterface | null;
  peers: ParsedPeer[];
  /** Line of each PublicKey seen, to refuse a repeat: wg setconf would silently merge the two peers. */
  publicKeys: Map<string, number>;
  section: Section | null;
  /** Comment lines since the last blank or content line: a following [Peer] takes them as its comment. */
  comments: string[];
}

/** Parses wg-quick(8) config text strictly. Pure; throws ConfigParseError (and nothing else) naming line and key. */
export function parseWgQuick(text: string, fileName?: string): ParsedConfig {
  const error = (line: number, field: string | null, detail: string): never => {
    throw new ConfigParseError(fileName, line, field, detail);
  };
  if (utf8LengthOver(text, MAX_CONFIG_BYTES)) error(0, null, `the file is larger than ${MAX_CONFIG_BYTES} bytes (1 MiB)`);
  // Windows editors prepend a BOM; it is not part of the first line's text.
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\r|\n/);
  const state: State = { error, iface: null, peers: [], publicKeys: new Map(), section: null, comments: [] };
  for (const [index, raw] of lines.entries()) readLine(state, raw, index + 1);
  closeSection(state);
  if (state.iface === null) return error(0, null, 'no [Interface] section');
  return { iface: state.iface, peers: state.peers };
}

function readLine(state: State, raw: string, lineNo: number): void {
  const bad = controlCharacter(raw);
  if (bad !== null) state.error(lineNo, null, `control character ${bad} is not allowed`);
  // wg(8) and wg-quick(8) both cut a line at the first '#', so a comment may also trail a value.
  const hash = raw.indexOf('#');
  const content = (hash < 0 ? raw : raw.slice(0, hash)).trim();
  if (content === '') {
    const comment = hash < 0 ? null : raw.slice(hash + 1).trim();
    if (comment === null) keepComments(state);
    else if (comment !== '') state.comments.push(comment);
    return;
  }
  if (content.startsWith('[')) {
    const above = state.comments;
    state.comments = [];
    openSection(state, content, lineNo, above);
  } else {
    keepComments(state);
    setKey(state, content, lineNo);
  }
}

/** Comment lines not directly above a [Peer] belong to the section they sit in. */
function keepComments(state: State): void {
  state.section?.inner.push(...state.comments);
  state.comments = [];
}

function openSection(state: State, header: string, lineNo: number, above: string[]): void {
  // wg(8) compares section names with strcasecmp; wg-quick(8) under nocasematch.
  const name = header.toLowerCase();
  if (name === '[interface]') {
    if (state.iface !== null) state.error(lineNo, null, 'a second [Interface]; a config has exactly one');
    closeSection(state);
    state.iface = emptyInterface();
    state.section = { kind: 'interface', seen: new Map(), inner: [], iface: state.iface };
  } else if (name === '[peer]') {
    closeSection(state);
    const peer: PeerDraft = { publicKey: null, presharedKey: null, allowedIPs: [], endpoint: null,
      persistentKeepalive: null, comment: joined(above), innerComment: null };
    state.section = { kind: 'peer', seen: new Map(), inner: [], line: lineNo, peer };
  } else {
    state.error(lineNo, null, `unknown section ${header}; expected [Interface] or [Peer]`);
  }
}

function closeSection(state: State): void {
  if (state.section?.kind === 'interface') state.section.iface.comment = joined(state.section.inner);
  if (state.section?.kind !== 'peer') return;
  const { peer, line, inner } = state.section;
  if (peer.publicKey === null) return state.error(line, null, '[Peer] has no PublicKey');
  state.peers.push({ ...peer, publicKey: peer.publicKey, innerComment: joined(inner) });
}

function joined(lines: readonly string[]): string | null {
  return lines.length > 0 ? lines.join('\n') : null;
}

function setKey(state: State, content: string, lineNo: number): void {
  const eq = content.indexOf('=');
  if (eq < 0) state.error(lineNo, null, `"${content}" is not "Key = Value"`);
  const rawKey = content.slice(0, eq).trim();
  const value = content.slice(eq + 1).trim();
  if (rawKey === '') state.error(lineNo, null, `"${content}" has no key before "="`);
  const section = state.section;
  if (section === null) return state.error(lineNo, rawKey, 'is outside any section; put it under [Interface] or [Peer]');
  const [here, there] = section.kind === 'interface' ? ['[Interface]', '[Peer]'] : ['[Peer]', '[Interface]'];
  const key = findKey(section.kind === 'interface' ? INTERFACE_KEYS : PEER_KEYS, rawKey);
  if (key === undefined) {
    const elsewhere = findKey(section.kind === 'interface' ? PEER_KEYS : INTERFACE_KEYS, rawKey);
    if (elsewhere !== undefined) state.error(lineNo, elsewhere, `belongs in ${there}, not ${here}`);
    return state.error(lineNo, rawKey, `unknown key in ${here}`);
  }
  const fail: Fail = (detail) => state.error(lineNo, key, detail);
  const first = section.seen.get(key);
  if (first !== undefined && !REPEATABLE.has(key)) fail(`given twice (first on line ${first})`);
  section.seen.set(key, lineNo);
  if (value === '') {
    if (EMPTY_ALLOWED.has(key)) return;
    fail('has no value');
  }
  if (section.kind === 'interface') return setInterfaceKey(section.iface, key as InterfaceKey, value, fail);
  if (key === 'PublicKey') {
    const dup = state.publicKeys.get(value);
    if (dup !== undefined) fail(`the same key as on line ${dup}; wg would merge the two peers into one`);
    state.publicKeys.set(value, lineNo);
  }
  setPeerKey(section.peer, key as PeerKey, value, fail);
}

function setInterfaceKey(iface: ParsedInterface, key: InterfaceKey, value: string, fail: Fail): void {
  switch (key) {
    case 'PrivateKey': iface.privateKey = value; return;
    case 'Address':
      iface.addresses.push(...readPrefixes(value, true, fail));
      return;
    case 'ListenPort': iface.listenPort = readInteger(value, 0, 65535, fail); return;
    // 576 is the IPv4 minimum datagram every host must accept; below it nothing useful fits in a tunnel packet.
    case 'MTU': iface.mtu = readInteger(value, 576, 65535, fail); return;
    case 'DNS': iface.dns.push(...readList(value, true, fail)); return;
    case 'Table': iface.table = value; return;
    case 'FwMark': iface.fwMark = value; return;
    case 'SaveConfig': iface.saveConfig = readBool(value, fail); return;
    default: iface.hooks.push({ key, value });
  }
}

function setPeerKey(peer: PeerDraft, key: PeerKey, value: string, fail: Fail): void {
  switch (key) {
    case 'PublicKey': peer.publicKey = value; return;
    case 'PresharedKey': peer.presharedKey = value; return;
    case 'AllowedIPs':
      peer.allowedIPs.push(...readPrefixes(value, false, fail));
      return;
    case 'Endpoint': peer.endpoint = value; return;
    case 'PersistentKeepalive': peer.persistentKeepalive = readKeepalive(value, fail); return;
  }
}

function emptyInterface(): ParsedInterface {
  return { privateKey: null, addresses: [], listenPort: null, mtu: null, dns: [], table: null, fwMark: null, hooks: [],
    saveConfig: null, comment: null };
}

/** wg(8) matches key names case-insensitively (strncasecmp); the canonical spelling is what errors show. */
function findKey<K extends string>(keys: readonly K[], name: string): K | undefined {
  const lower = name.toLowerCase();
  return keys.find((k) => k.toLowerCase() === lower);
}

/** The first C0/C1 control character other than tab, as `U+0000`, or null; CR and LF never reach here. */
export function controlCharacter(line: string): string | null {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f)) return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return null;
}

/** Whether the UTF-8 encoding of `text` exceeds `limit` bytes, counted without encoding: a file's size is in bytes. */
function utf8LengthOver(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (pair) i++;
  }
  return n > limit;
}
