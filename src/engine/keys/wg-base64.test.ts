import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyError } from './key-error';
import { decodeKey, encodeKey, isKey } from './wg-base64';

// The private key of the example in the wg(8) man page.
const SAMPLE = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';
const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('encodeKey / decodeKey', () => {
  it('agrees with standard base64 and round-trips', () => {
    fc.assert(
      fc.property(bytes32, (bytes) => {
        const text = encodeKey(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeKey(text)).toEqual(bytes);
        expect(isKey(text)).toBe(true);
      }),
    );
  });

  it('decodes a known key', () => {
    expect(Buffer.from(decodeKey(SAMPLE)).toString('base64')).toBe(SAMPLE);
  });

  it('refuses to encode anything but 32 bytes', () => {
    expect(() => encodeKey(new Uint8Array(31))).toThrow('WireGuard key: expected 32 bytes, got 31');
    expect(() => encodeKey(new Uint8Array(33))).toThrow(KeyError);
  });
});

describe('decodeKey rejects', () => {
  const cases: [string, string, RegExp][] = [
    ['43 characters', SAMPLE.slice(1), /expected 44 base64 characters ending in "=", got 43$/],
    ['45 characters', `A${SAMPLE}`, /got 45$/],
    ['an empty string', '', /got 0$/],
    ['a missing "="', `${SAMPLE.slice(0, 43)}A`, /got 44 not ending in "="/],
    ['a trailing newline', `${SAMPLE}\n`, /got 45, with leading or trailing whitespace/],
    ['a leading space', ` ${SAMPLE.slice(1)}`, /character 1 is whitespace/],
    ['an inner newline', `${SAMPLE.slice(0, 10)}\n${SAMPLE.slice(11)}`, /character 11 is whitespace \("\\n"\)/],
    ['URL-safe "-"', `-${SAMPLE.slice(1)}`, /character 1 is "-": URL-safe base64 is not accepted/],
    ['URL-safe "_"', `${SAMPLE.slice(0, 5)}_${SAMPLE.slice(6)}`, /character 6 is "_": URL-safe/],
    ['padding inside', `${SAMPLE.slice(0, 42)}==`, /character 43 is "=": padding may only be the last/],
    ['a non-ASCII letter', `é${SAMPLE.slice(1)}`, /character 1 is "é", which is not in the base64 alphabet/],
    // "k" is 36 = 0b100100: its low 2 bits are zero, so "l" (37) is the same key with a stray bit.
    ['a non-canonical last digit', `${SAMPLE.slice(0, 42)}l=`, /not canonical base64/],
  ];

  it.each(cases)('%s', (_name, text, message) => {
    expect(() => decodeKey(text)).toThrow(KeyError);
    expect(() => decodeKey(text)).toThrow(message);
    expect(isKey(text)).toBe(false);
  });

  it('every non-canonical spelling of every key', () => {
    fc.assert(
      fc.property(bytes32, fc.integer({ min: 1, max: 3 }), (bytes, stray) => {
        const text = encodeKey(bytes);
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
        const last = alphabet[alphabet.indexOf(text.charAt(42)) + stray] ?? '';
        expect(isKey(`${text.slice(0, 42)}${last}=`)).toBe(false);
      }),
    );
  });

  it('a non-string from untyped input (JSON)', () => {
    expect(() => decodeKey(42 as unknown as string)).toThrow('WireGuard key: expected a string, got number');
  });

  it('without quoting the key in the message', () => {
    const error = (() => {
      try {
        return decodeKey(`${SAMPLE.slice(0, 20)}-${SAMPLE.slice(21)}`);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(KeyError);
    expect((error as KeyError).message).not.toContain(SAMPLE.slice(0, 8));
  });
});
