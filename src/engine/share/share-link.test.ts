import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../testing/fixture-design';
import { FIXTURES } from '../__fixtures__';
import { publicDesign } from '../model/public-design';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { MAX_SHARE_CHARS, SHARE_PREFIX, SHARE_PREFIX_V1, SHARE_WARN_CHARS, decodeShareFragment, encodeShareFragment, isShareFragment, shareLinkWarning } from './share-link';

/** A link of the first encoding (`wgd1.`: the whole JSON, no dictionary), as links made before wgd2 are. */
function fragmentOf(json: string): string {
  return SHARE_PREFIX_V1 + encodeBase64Url(deflateSync(new TextEncoder().encode(json)));
}

describe('share link', () => {
  it.each(Object.keys(FIXTURES))('round-trips %s without any key', (name) => {
    const design = fixtureDesign(name);
    const encoded = encodeShareFragment(design);
    if (!encoded.ok) throw new Error('encode failed');
    expect(encoded.value.startsWith(SHARE_PREFIX)).toBe(true);
    expect(encoded.value).toMatch(/^[A-Za-z0-9._-]+$/);
    const decoded = decodeShareFragment(`#${encoded.value}`);
    expect(decoded).toEqual({ ok: true, value: publicDesign(design) });
    if (decoded.ok) {
      expect(decoded.value.hosts.every((h) => h.privateKey === null)).toBe(true);
      expect(decoded.value.hosts.some((h) => h.publicKey !== null)).toBe(true);
    }
  });

  it.each(Object.keys(FIXTURES))('still opens a wgd1 link of %s (links shared before wgd2)', (name) => {
    const design = publicDesign(fixtureDesign(name));
    expect(decodeShareFragment(fragmentOf(JSON.stringify(design)))).toEqual({ ok: true, value: design });
  });

  it('never encodes a private key', () => {
    const design = fixtureDesign('hub-and-spoke');
    const secret = design.hosts[0]?.privateKey ?? '';
    expect(secret).not.toBe('');
    const encoded = encodeShareFragment(design);
    if (!encoded.ok) throw new Error('encode failed');
    expect(decodeShareFragment(encoded.value).ok && JSON.stringify(decodeShareFragment(encoded.value))).not.toContain(secret);
  });

  it('refuses a link that carries a private key', () => {
    const design = fixtureDesign('point-to-point');
    const r = decodeShareFragment(fragmentOf(JSON.stringify(design)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toMatch(/private or preshared key/);
  });

  it('names what is wrong with a damaged link', () => {
    const cases: Array<[string, RegExp]> = [
      ['nothing', /not a wg-designer design/],
      [`${SHARE_PREFIX}`, /not base64url/],
      [`${SHARE_PREFIX}abc$`, /not base64url/],
      [`${SHARE_PREFIX}AAAA`, /does not decompress/],
      [fragmentOf('{"format":"wg-designer/1"'), /no valid design/],
      [fragmentOf('{"format":"other"}'), /no valid design: format/],
      [`${SHARE_PREFIX}${'A'.repeat(MAX_SHARE_CHARS)}`, /limit/],
    ];
    for (const [link, message] of cases) {
      const r = decodeShareFragment(link);
      expect(r.ok, link.slice(0, 40)).toBe(false);
      if (!r.ok) expect(r.errors[0]?.message).toMatch(message);
    }
  });

  it('refuses a link that inflates past the limit (a zip bomb)', () => {
    const bomb = fragmentOf(`{"format":"wg-designer/1","name":"${' '.repeat(9 * 1024 * 1024)}"}`);
    expect(bomb.length).toBeLessThan(MAX_SHARE_CHARS);
    const r = decodeShareFragment(bomb);
    expect(r.ok).toBe(false);
  });

  it('tells share fragments apart', () => {
    expect(isShareFragment(`#${SHARE_PREFIX}x`)).toBe(true);
    expect(isShareFragment(`#${SHARE_PREFIX_V1}x`)).toBe(true);
    expect(isShareFragment('#section-2')).toBe(false);
  });

  it('base64url round-trips any bytes and rejects foreign characters', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual(bytes);
    }));
    expect(decodeBase64Url('ab+/')).toBeNull();
    expect(decodeBase64Url('a')).toBeNull();
  });
});

describe('shareLinkWarning', () => {
  it('is silent up to 8,000 characters and names the length and the file alternative past it', () => {
    expect(SHARE_WARN_CHARS).toBe(8_000);
    expect(shareLinkWarning(8_000)).toBeNull();
    const w = shareLinkWarning(30_776);
    expect(w).toContain('30,776 characters');
    expect(w).toContain('send the design as a file instead');
  });
});
