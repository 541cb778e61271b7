import { deflateSync } from 'fflate';
import { formatFieldError, parseDesignText } from '../model/parse-design';
import { PLANTED_KEY } from './adversarial-payloads';
import { FREE_TEXT, IDS } from './adversarial-payloads';
import { designText, renameHost, setPath } from './adversarial-base';
import type { AdversarialCase } from './adversarial-case';
import { fieldPattern } from './adversarial-case';
import { encodeBase64Url } from '../share/base64url';
import { encodeShareFragment, MAX_SHARE_CHARS, SHARE_PREFIX } from '../share/share-link';

/** A fragment built by hand, the way an attacker would: any bytes, deflated, base64url, with the real prefix. */
function forged(bytes: Uint8Array, prefix = SHARE_PREFIX): string {
  return prefix + encodeBase64Url(deflateSync(bytes));
}
const forgedText = (text: string) => forged(new TextEncoder().encode(text));

/** A link the real encoder makes for design text the schema accepts. */
function linkOf(text: string): string {
  const parsed = parseDesignText(text);
  if (!parsed.ok) throw new Error(`corpus: link design does not parse: ${parsed.errors.map(formatFieldError).join('; ')}`);
  const encoded = encodeShareFragment(parsed.value);
  if (!encoded.ok) throw new Error('corpus: link design does not encode');
  return encoded.value;
}

/**
 * Share links: hostile text inside an honest link (accepted, then exported like any design), and damaged, forged,
 * oversized or key-carrying links (refused, saying why).
 */
export function linkCases(canaryDir: string): AdversarialCase[] {
  const cases: AdversarialCase[] = [];
  const add = (id: string, fragment: string, expect: AdversarialCase['expect'], names: RegExp) =>
    cases.push({ id: `link--${id}`, field: 'link', input: { kind: 'link', fragment }, expect, names });

  for (const payload of FREE_TEXT.filter((p) => p.label !== 'huge-100k' && p.label !== 'not-a-string')) {
    const text = payload.value(`${canaryDir}/link--${payload.label}`) as string;
    add(`names-${payload.label}`, linkOf(designText((d) => {
      setPath(d, ['name'], text);
      setPath(d, ['hosts', 1, 'name'], text);
    })), 'export', /$^/);
  }
  for (const payload of IDS.filter((p) => !p.valid && typeof p.value('') === 'string')) {
    const id = payload.value(`${canaryDir}/link--id-${payload.label}`) as string;
    add(`id-${payload.label}`, forgedText(designText((d) => renameHost(d, 'app-1', id))), 'reject', fieldPattern('hosts[3].id'));
  }

  const honest = linkOf(designText(() => undefined));
  const body = honest.slice(SHARE_PREFIX.length);
  const damaged = /the link is damaged|no valid design/;
  add('honest', honest, 'export', /$^/);
  add('with-hash', `#${honest}`, 'export', /$^/);
  add('truncated-half', honest.slice(0, SHARE_PREFIX.length + Math.floor(body.length / 2)), 'reject', damaged);
  add('truncated-one', honest.slice(0, -1), 'reject', damaged);
  add('truncated-two', honest.slice(0, -2), 'reject', damaged);
  add('wrong-version', `wgd9.${body}`, 'reject', /not a wg-designer design/);
  add('no-dot', `wgd1${body}`, 'reject', /not a wg-designer design/);
  add('uppercase-prefix', `WGD1.${body}`, 'reject', /not a wg-designer design/);
  add('double-hash', `##${honest}`, 'reject', /not a wg-designer design/);
  add('percent-encoded', `%77gd1.${body}`, 'reject', /not a wg-designer design/);
  add('empty', '', 'reject', /not a wg-designer design/);
  add('prefix-only', SHARE_PREFIX, 'reject', /not base64url/);
  add('garbage', `${SHARE_PREFIX}!!!!`, 'reject', /not base64url/);
  add('standard-base64', `${SHARE_PREFIX}ab+/cd==`, 'reject', /not base64url/);
  add('newline-inside', `${honest.slice(0, 20)}\n${honest.slice(20)}`, 'reject', /not base64url/);
  add('query-suffix', `${honest}&utm=1`, 'reject', /not base64url/);
  add('not-deflate', `${SHARE_PREFIX}${encodeBase64Url(new TextEncoder().encode('{"format":"wg-designer/1"}'))}`, 'reject', damaged);
  add('invalid-utf8', forged(Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])), 'reject', damaged);
  add('not-json', forgedText('PostUp = touch x'), 'reject', /no valid design/);
  add('json-array', forgedText('[]'), 'reject', /no valid design/);
  add('depth-bomb', forgedText(`${'['.repeat(50_000)}${']'.repeat(50_000)}`), 'reject', /nested deeper/);
  add('proto-pollution', forgedText(`{"__proto__":{"polluted":"yes"},${designText(() => undefined).slice(1)}`), 'export', /$^/);
  add('private-key', forgedText(designText((d) => setPath(d, ['hosts', 3, 'privateKey'], PLANTED_KEY))), 'reject', /private or preshared key/);
  add('preshared-key', forgedText(designText((d) => setPath(d, ['tunnels', 0, 'presharedKey'], PLANTED_KEY))), 'reject', /private or preshared key/);
  add('over-length', `${SHARE_PREFIX}${'A'.repeat(MAX_SHARE_CHARS)}`, 'reject', /limit/);
  // 24 MiB of spaces inside a name deflate to ~24 KiB: a link well under the length limit that would fill memory.
  const bomb = new Uint8Array(24 * 1024 * 1024).fill(0x20);
  bomb.set(new TextEncoder().encode('{"format":"wg-designer/1","hosts":[],"name":"'));
  bomb.set(new TextEncoder().encode('"}'), bomb.length - 2);
  add('decompression-bomb', forged(bomb), 'reject', /too large|limit/);
  return cases;
}
