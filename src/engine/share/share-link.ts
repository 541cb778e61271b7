import { Inflate, deflateSync } from 'fflate';
import type { Design } from '../model/design';
import { formatFieldError, parseDesignText } from '../model/parse-design';
import type { ParseResult } from '../model/parse-design';
import { hasSecrets, publicDesign } from '../model/public-design';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { compactDesign, sameData } from './compact-design';
import { shareDictionary } from './share-dictionary';

/**
 * A share link carries the design in the URL fragment, which browsers never send to a server:
 * `#wgd2.<base64url(deflate-raw(compact JSON, with the preset dictionary))>` (see compactDesign and
 * share-dictionary.ts). The prefix versions the encoding: `wgd1.` links (the whole JSON, no dictionary) still open,
 * and a design whose compact form would not read back the same is still written that way.
 */
export const SHARE_PREFIX = 'wgd2.';
/** The first encoding: deflate-raw of the whole JSON. */
export const SHARE_PREFIX_V1 = 'wgd1.';
/** Longest fragment we make or read: links far past this break in chat tools and mail clients anyway. */
export const MAX_SHARE_CHARS = 200_000;
/**
 * Links longer than this are at risk where people paste them: Slack, Teams and many ticket and mail tools cut or
 * refuse long URLs somewhere between 2,000 and 10,000 characters. A hub-and-spoke design of about 300 hosts reaches it.
 */
export const SHARE_WARN_CHARS = 8_000;

/** What to tell the user about a link of `length` characters, or null when it is short enough to paste anywhere. */
export function shareLinkWarning(length: number): string | null {
  if (length <= SHARE_WARN_CHARS) return null;
  return `This link is ${length.toLocaleString('en-US')} characters: chat, ticket and mail tools often cut links past ${SHARE_WARN_CHARS.toLocaleString('en-US')}, and a cut link opens nothing. To be sure it arrives whole, send the design as a file instead (Save, then attach the JSON; it holds no keys unless you choose to include them).`;
}

/** Largest design text a link may inflate to: stops a small link from expanding into a huge one (a zip bomb). */
export const MAX_SHARE_INFLATED = 8 * 1024 * 1024;

/** The fragment (without `#`) for a design. Always strips private and preshared keys first. */
export function encodeShareFragment(design: Design): ParseResult<string> {
  const shared = publicDesign(design);
  const compact = JSON.stringify(compactDesign(shared));
  const back = parseDesignText(compact);
  // Only a compact form that reads back into exactly this design goes into a link; anything else keeps every field.
  const fragment = back.ok && sameData(back.value, shared)
    ? SHARE_PREFIX + encodeBase64Url(deflateSync(new TextEncoder().encode(compact), { level: 9, dictionary: shareDictionary() }))
    : SHARE_PREFIX_V1 + encodeBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(shared)), { level: 9 }));
  if (fragment.length > MAX_SHARE_CHARS) {
    return fail(`the design is too large for a link (${fragment.length} characters; the limit is ${MAX_SHARE_CHARS}): download it as JSON instead`);
  }
  return { ok: true, value: fragment };
}

/** True when a URL fragment (with or without `#`) looks like a share link, whether or not it is valid. */
export function isShareFragment(fragment: string): boolean {
  const body = fragment.replace(/^#/, '');
  return body.startsWith(SHARE_PREFIX) || body.startsWith(SHARE_PREFIX_V1);
}

/**
 * Reads a share link's fragment back into a design, checked by the design schema. Refuses a link that holds a
 * private or preshared key: we never make one, so such a link was built to leak or plant a key.
 */
export function decodeShareFragment(fragment: string): ParseResult<Design> {
  const body = fragment.replace(/^#/, '');
  const v2 = body.startsWith(SHARE_PREFIX);
  if (!v2 && !body.startsWith(SHARE_PREFIX_V1)) return fail(`this link is not a wg-designer design (it does not start with "${SHARE_PREFIX}")`);
  if (body.length > MAX_SHARE_CHARS) return fail(`the link is ${body.length} characters; the limit is ${MAX_SHARE_CHARS}`);
  const packed = decodeBase64Url(body.slice(SHARE_PREFIX.length));
  if (packed === null || packed.length === 0) return fail('the link is damaged: its data is not base64url (was it cut short when copied?)');
  const text = inflateBounded(packed, v2 ? shareDictionary() : undefined);
  if (text === TOO_BIG) return fail(`the link unpacks to more than ${MAX_SHARE_INFLATED} bytes, the limit for a design in a link: refused`);
  if (text === null) return fail('the link is damaged: its data does not decompress (was it cut short when copied?)');
  const parsed = parseDesignText(text);
  if (!parsed.ok) return fail(`the link holds no valid design: ${parsed.errors.slice(0, 3).map(formatFieldError).join('; ')}`);
  if (hasSecrets(parsed.value)) {
    return fail('the link holds a private or preshared key, so it was refused: wg-designer never puts keys in a link. Whoever sent it should regenerate those keys');
  }
  return parsed;
}

const TOO_BIG = Symbol('too big');
/**
 * Compressed bytes fed to the inflater at a time. DEFLATE expands at most about 1032:1, so one step yields at most
 * ~1 MiB before the size check runs; fed whole, a 150 KB link could expand to 150 MB before anything looked.
 */
const INFLATE_STEP = 1024;

/** Inflates raw DEFLATE data, giving up past MAX_SHARE_INFLATED bytes (TOO_BIG) or on a corrupt or truncated stream. */
function inflateBounded(packed: Uint8Array, dictionary?: Uint8Array): string | typeof TOO_BIG | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  let ended = false;
  try {
    const inflater = new Inflate(dictionary ? { dictionary } : {}, (chunk, final) => {
      total += chunk.length;
      if (total > MAX_SHARE_INFLATED) tooBig = true;
      else chunks.push(chunk);
      if (final) ended = true;
    });
    for (let at = 0; at < packed.length && !tooBig; at += INFLATE_STEP) {
      inflater.push(packed.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= packed.length);
    }
  } catch {
    return null;
  }
  if (tooBig) return TOO_BIG;
  if (!ended) return null;
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch {
    return null;
  }
}

function fail(message: string): ParseResult<never> {
  return { ok: false, errors: [{ path: '', message }] };
}
