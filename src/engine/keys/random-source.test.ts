import { afterEach, describe, expect, it, vi } from 'vitest';
import { cryptoRandom } from './random-source';

describe('cryptoRandom', () => {
  afterEach(() => vi.restoreAllMocks());

  it('fills a buffer larger than the 65,536-byte Web Crypto limit, in chunks', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues');
    const out = new Uint8Array(65_536 * 2 + 10);
    cryptoRandom(out);
    expect(spy.mock.calls.map(([chunk]) => (chunk as Uint8Array).length)).toEqual([65_536, 65_536, 10]);
    // The tail was written too: 10 zero bytes from a CSPRNG has probability 2^-80.
    expect(out.subarray(-10).some((byte) => byte !== 0)).toBe(true);
  });

  it('gives different bytes each call', () => {
    const a = new Uint8Array(32);
    const b = new Uint8Array(32);
    cryptoRandom(a);
    cryptoRandom(b);
    expect(a).not.toEqual(b);
  });
});
