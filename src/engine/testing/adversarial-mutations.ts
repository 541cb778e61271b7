import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { generateKeypair, seededRandom } from '../keys';
import { encodeBase64Url } from '../share/base64url';
import { SHARE_PREFIX } from '../share/share-link';
import { baseDesign } from './adversarial-base';
import type { Json } from './adversarial-base';

/**
 * Arbitraries for malformed input to each importer, for fuzzing: random text, and honest input (the corpus's base
 * design, a link to it, a pair of wg-quick configs) damaged at random, so the fuzz reaches deep into each parser
 * rather than failing on the first character.
 */

/** A few random edits of a text: cut `del` characters at `at`, insert `ins` there. */
const edits = fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 6 }), ins: fc.string({ unit: 'binary', maxLength: 6 }) }), { minLength: 1, maxLength: 4 });

function applyEdits(text: string, list: ReadonlyArray<{ at: number; del: number; ins: string }>): string {
  let out = text;
  for (const e of list) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    out = out.slice(0, at) + e.ins + out.slice(at + e.del);
  }
  return out;
}

/** Adds `value` to an object under `key`, or to the end of an array (an array's `length` is not a member). */
function add(node: Json[] | { [key: string]: Json }, key: string, value: Json): void {
  if (Array.isArray(node)) node.push(value);
  else node[key] = value;
}

/** Replaces, deletes or adds one member somewhere in `root`, walking `steps` down through objects and arrays. */
function mutateJson(root: Json, steps: readonly number[], op: 'set' | 'delete' | 'add', key: string, value: Json): Json {
  let node: Json = root;
  for (const step of steps) {
    const keys = node !== null && typeof node === 'object' ? Object.keys(node) : [];
    const next = keys[step % Math.max(1, keys.length)];
    if (next === undefined) break;
    const child: Json = (node as Record<string, Json>)[next] ?? null;
    if (child === null || typeof child !== 'object') {
      if (op === 'delete') delete (node as Record<string, Json>)[next];
      else if (op === 'add') add(node as Json[], key, value);
      else (node as Record<string, Json>)[next] = value;
      return root;
    }
    node = child;
  }
  if (node !== null && typeof node === 'object') add(node, key, value);
  return root;
}

const jsonMutation = fc.record({
  steps: fc.array(fc.nat(), { maxLength: 6 }),
  op: fc.constantFrom('set' as const, 'delete' as const, 'add' as const),
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'id', 'hosts', 'privateKey', 'length')),
  value: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
}).map((m) => mutateJson(baseDesign(), m.steps, m.op, m.key, m.value));

const baseText = JSON.stringify(baseDesign());

/** Malformed design files: random text, random JSON, the base design with one member changed, or its text edited. */
export const malformedDesignText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.json({ maxDepth: 4 }),
  jsonMutation.map((d) => JSON.stringify(d)),
  edits.map((e) => applyEdits(baseText, e)),
);

const deflated = (bytes: Uint8Array) => SHARE_PREFIX + encodeBase64Url(deflateSync(bytes));
const utf8 = (text: string) => new TextEncoder().encode(text);
const honestLink = deflated(utf8(baseText));

/** Malformed share links: random text, random base64url, random or damaged deflate streams, damaged designs. */
export const malformedLink: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 300 }).map((s) => SHARE_PREFIX + s),
  fc.uint8Array({ maxLength: 300 }).map((b) => SHARE_PREFIX + encodeBase64Url(b)),
  fc.uint8Array({ maxLength: 300 }).map(deflated),
  jsonMutation.map((d) => deflated(utf8(JSON.stringify(d)))),
  edits.map((e) => deflated(utf8(applyEdits(baseText, e)))),
  edits.map((e) => applyEdits(honestLink, e)),
);

const HUB = generateKeypair(seededRandom(901));
const APP = generateKeypair(seededRandom(902));
/** An honest pair of configs: the fuzz damages the first. */
export const honestConfigs = {
  hub: `[Interface]\nPrivateKey = ${HUB.privateKey}\nAddress = 10.0.0.1/24, fd00::1/64\nListenPort = 51820\nMTU = 1420\n\n`
    + `[Peer]\n# app\nPublicKey = ${APP.publicKey}\nPresharedKey = ${HUB.publicKey}\nAllowedIPs = 10.0.0.2/32, fd00::2/128\n`
    + 'PersistentKeepalive = 25\n',
  app: `[Interface]\nPrivateKey = ${APP.privateKey}\nAddress = 10.0.0.2/24\n\n[Peer]\nPublicKey = ${HUB.publicKey}\n`
    + 'AllowedIPs = 10.0.0.0/24\nEndpoint = 203.0.113.1:51820\n',
} as const;

const KEYS = ['PrivateKey', 'Address', 'ListenPort', 'MTU', 'DNS', 'Table', 'FwMark', 'PreUp', 'PostUp', 'PreDown', 'PostDown',
  'SaveConfig', 'PublicKey', 'PresharedKey', 'AllowedIPs', 'Endpoint', 'PersistentKeepalive', 'Include', ''];
const VALUES = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(HUB.publicKey, APP.publicKey, '10.0.0.9/32', '::/0', '0.0.0.0/0', '1.2.3.4:51820', '[::1]:1', '65535', '0', 'off', 'true', ''),
);
/** One line of a config: a section header, a `Key = value` in any case, a comment or a blank. */
const line = fc.oneof(
  fc.constantFrom('[Interface]', '[Peer]', '[peer]', '[Other]', '', '# comment', '['),
  fc.tuple(fc.constantFrom(...KEYS), fc.boolean(), VALUES).map(([k, lower, v]) => `${lower ? k.toLowerCase() : k} = ${v}`),
);

/** Malformed wg-quick configs: random text, random lines, or the honest hub config with lines changed or edited. */
export const malformedConfig: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(line, { maxLength: 20 }).map((lines) => lines.join('\n')),
  fc.tuple(fc.array(fc.tuple(fc.nat(), line), { minLength: 1, maxLength: 4 }), fc.boolean(), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([changes, replace, eol]) => {
      const lines = honestConfigs.hub.split('\n');
      for (const [at, l] of changes) lines.splice(at % (lines.length + 1), replace ? 1 : 0, l);
      return lines.join(eol);
    }),
  edits.map((e) => applyEdits(honestConfigs.hub, e)),
);
