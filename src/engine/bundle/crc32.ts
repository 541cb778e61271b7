// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum every zip entry carries.
// Slice-by-4 tables: four lookups per 4 bytes instead of one per byte, about 3x faster in V8 than the
// textbook loop, which matters for multi-megabyte bundles.
const TABLES = /* @__PURE__ */ (() => {
  const t = new Int32Array(4 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 4; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  }
  return t;
})();

/** The CRC-32 of `data`, as zip, gzip and PNG use it (unsigned). */
export function crc32(data: Uint8Array): number {
  const t = TABLES;
  let c = -1;
  let i = 0;
  for (const end = data.length - 3; i < end; i += 4) {
    c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    c = t[768 + (c & 0xff)]! ^ t[512 + ((c >>> 8) & 0xff)]! ^ t[256 + ((c >>> 16) & 0xff)]! ^ t[c >>> 24]!;
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
