import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';

const take = (seed: number, length: number): Uint8Array => {
  const out = new Uint8Array(length);
  seededRandom(seed)(out);
  return out;
};

describe('seededRandom', () => {
  it('is deterministic per seed and differs between seeds, including above bit 31', () => {
    expect(take(1, 64)).toEqual(take(1, 64));
    expect(take(1, 64)).not.toEqual(take(2, 64));
    expect(take(1, 64)).not.toEqual(take(2 ** 32 + 1, 64));
    expect(take(0, 64).some((byte) => byte !== 0)).toBe(true);
  });

  it('continues the stream across calls, and fills lengths that are not multiples of 4', () => {
    const random = seededRandom(9);
    const first = new Uint8Array(8);
    const second = new Uint8Array(8);
    random(first);
    random(second);
    expect([...first, ...second]).toEqual([...take(9, 16)]);
    expect(take(9, 7)).toEqual(take(9, 8).subarray(0, 7));
  });

  it('looks uniform: every byte value appears, none more than twice its share', () => {
    const counts = new Array<number>(256).fill(0);
    for (const byte of take(42, 256 * 64)) counts[byte] = (counts[byte] ?? 0) + 1;
    expect(Math.min(...counts)).toBeGreaterThan(32);
    expect(Math.max(...counts)).toBeLessThan(128);
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => seededRandom(1.5)).toThrow(RangeError);
    expect(() => seededRandom(Number.NaN)).toThrow(RangeError);
  });
});
