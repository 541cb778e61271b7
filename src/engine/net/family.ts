/** An IP version: 4 or 6. */
export type Family = 4 | 6;

/** The number of bits in an address of `family`: 32 or 128. */
export function familyBits(family: Family): 32 | 128 {
  return family === 4 ? 32 : 128;
}

const MAX_V4 = (1n << 32n) - 1n;
const MAX_V6 = (1n << 128n) - 1n;

/** The largest address value of `family` (all bits set). */
export function maxValue(family: Family): bigint {
  return family === 4 ? MAX_V4 : MAX_V6;
}
