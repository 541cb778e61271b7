import { createHash } from 'node:crypto';
import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../model/parse-design';
import { publicDesign } from '../model/public-design';
import { designInputArbitrary } from '../testing/design-arbitrary';
import { generateDesign } from '../testing/generate-design';
import { compactDesign, sameData } from './compact-design';
import { encodeBase64Url } from './base64url';
import { shareDictionary } from './share-dictionary';
import { SHARE_PREFIX, SHARE_PREFIX_V1, decodeShareFragment, encodeShareFragment } from './share-link';

describe('compactDesign', () => {
  it('leaves out every field at its default, a name equal to the id and a db host\'s PostgreSQL on 5432', () => {
    const r = parseDesign({ format: 'wg-designer/1', hosts: [{ id: 'pg-1', role: 'db' }, { id: 'app-1', name: 'Orders app', role: 'app', mtu: 1380 }] });
    if (!r.ok) throw new Error('fixture');
    expect(compactDesign(r.value)).toMatchObject({ hosts: [{ id: 'pg-1', role: 'db' }, { id: 'app-1', name: 'Orders app', role: 'app', mtu: 1380 }] });
    expect(Object.keys(compactDesign(r.value))).toEqual(['format', 'network', 'hosts']);
  });

  it('reads back into the same design, for any design the schema accepts', () => {
    fc.assert(fc.property(designInputArbitrary, (input) => {
      const r = parseDesign(input);
      if (!r.ok) return;
      const back = parseDesign(JSON.parse(JSON.stringify(compactDesign(r.value))));
      expect(back.ok && sameData(back.value, r.value)).toBe(true);
    }), { numRuns: 150 });
  });

  it('makes links that open as the same design, shorter than the whole JSON', () => {
    fc.assert(fc.property(designInputArbitrary, (input) => {
      const r = parseDesign(input);
      if (!r.ok) return;
      const link = encodeShareFragment(r.value);
      if (!link.ok) throw new Error(link.errors[0]?.message);
      expect(link.value.startsWith(SHARE_PREFIX)).toBe(true);
      expect(decodeShareFragment(link.value)).toEqual({ ok: true, value: publicDesign(r.value) });
    }), { numRuns: 100 });
    for (const hosts of [100, 1000]) {
      const design = generateDesign({ shape: 'hub-and-spoke', hosts });
      const link = encodeShareFragment(design);
      const v1 = SHARE_PREFIX_V1 + encodeBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(publicDesign(design))), { level: 9 }));
      if (!link.ok) throw new Error(link.errors[0]?.message);
      expect(link.value.startsWith(SHARE_PREFIX)).toBe(true);
      // Measured: 100 hosts 4,165 -> 2,613 characters, 1,000 hosts 31,343 -> 24,787.
      expect(link.value.length, `${hosts} hosts`).toBeLessThan(0.8 * v1.length);
    }
  });
});

describe('sameData', () => {
  it('ignores the order of keys and undefined fields, and nothing else', () => {
    expect(sameData({ a: 1, b: [1, { c: 2, d: null }] }, { b: [1, { d: null, c: 2 }], a: 1, e: undefined })).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameData({ a: null }, {})).toBe(false);
  });
});

describe('the wgd2 dictionary', () => {
  it('is the exact bytes every wgd2 link was made with (change it only under a new prefix)', () => {
    expect(createHash('sha256').update(shareDictionary()).digest('hex').slice(0, 16)).toBe('3bfcf39c73395ae4');
  });
});
