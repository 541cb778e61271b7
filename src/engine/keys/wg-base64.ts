import { KeyError } from './key-error';

/** Bytes in every WireGuard key: private, public and preshared alike. */
export const KEY_BYTES = 32;
/** Characters in a key's text: 32 bytes are 43 base64 digits plus one "=" of padding. */
export const KEY_TEXT_LENGTH = 44;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
// A constant lookup table (read-only by its type), not state: each base64 digit's value.
const VALUE: ReadonlyMap<string, number> = new Map([...ALPHABET].map((char, value) => [char, value]));

/** Encodes 32 bytes as the canonical 44-character standard base64 text that `wg` prints and reads. */
export function encodeKey(bytes: Uint8Array): string {
  if (bytes.length !== KEY_BYTES) throw new KeyError(`expected ${KEY_BYTES} bytes, got ${bytes.length}`);
  let text = '';
  for (let i = 0; i < KEY_BYTES; i += 3) {
    // The last group has 2 bytes; the missing third reads as 0, which is what makes the padding canonical.
    const group = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    for (let shift = 18; shift >= 0; shift -= 6) text += ALPHABET[(group >>> shift) & 63];
  }
  return `${text.slice(0, KEY_TEXT_LENGTH - 1)}=`;
}

/**
 * Decodes a key's text, as strictly as `wg` does: exactly 44 characters of the standard alphabet ending in one "=",
 * with no stray bits in the last digit. Strictness keeps one key from having two spellings, so comparing texts
 * compares keys. Throws KeyError.
 */
export function decodeKey(text: string): Uint8Array {
  if (typeof text !== 'string') throw new KeyError(`expected a string, got ${typeof text}`);
  if (text.length !== KEY_TEXT_LENGTH || !text.endsWith('=')) {
    throw new KeyError(`expected ${KEY_TEXT_LENGTH} base64 characters ending in "=", got ${describeShape(text)}`);
  }
  const values: number[] = [];
  for (let i = 0; i < KEY_TEXT_LENGTH - 1; i++) {
    const char = text.charAt(i);
    const value = VALUE.get(char);
    if (value === undefined) throw new KeyError(`character ${i + 1} is ${badCharacter(char)}`);
    values.push(value);
  }
  // 43 digits carry 258 bits; the last 2 must be zero or two texts would decode to the same key.
  if ((values[KEY_TEXT_LENGTH - 2] ?? 0) & 3) {
    throw new KeyError('not canonical base64: the character before "=" has stray low bits (a copy error?)');
  }
  const bytes = new Uint8Array(KEY_BYTES);
  let acc = 0;
  let bits = 0;
  let at = 0;
  for (const value of values) {
    acc = ((acc << 6) | value) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (acc >>> bits) & 0xff;
    }
  }
  return bytes;
}

/** Whether `text` is a well-formed key (see decodeKey); says nothing about which kind of key it is. */
export function isKey(text: string): boolean {
  try {
    decodeKey(text);
    return true;
  } catch {
    return false;
  }
}

function describeShape(text: string): string {
  const shape = text.length === KEY_TEXT_LENGTH ? `${KEY_TEXT_LENGTH} not ending in "="` : String(text.length);
  return text.trim() === text ? shape : `${shape}, with leading or trailing whitespace`;
}

// Names the usual culprits, so "paste from a URL-safe tool" and "trailing newline" are obvious from the message.
function badCharacter(char: string): string {
  if (char === '-' || char === '_') return `"${char}": URL-safe base64 is not accepted, WireGuard uses "+" and "/"`;
  if (char === '=') return '"=": padding may only be the last character';
  if (/\s/.test(char)) return `whitespace (${JSON.stringify(char)}): trim the key before pasting`;
  return `${JSON.stringify(char)}, which is not in the base64 alphabet (A-Z a-z 0-9 + /)`;
}
