import { deflateSync } from 'fflate';
import { crc32 } from './crc32';

/**
 * The compression a zip needs: raw DEFLATE (RFC 1951) and CRC-32. The engine's own is pure JavaScript (fflate);
 * the CLI passes Node's zlib, which is native and about three times faster. Both give valid zips; the bytes of the
 * compressed data may differ between codecs, so a re-export is byte-identical with the same codec.
 */
export interface ZipCodec {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

/** fflate at level 6 (zlib's default): keys are random and do not compress, so higher levels gain nothing. */
export const PORTABLE_CODEC: ZipCodec = { deflateRaw: (data) => deflateSync(data, { level: 6 }), crc32 };
