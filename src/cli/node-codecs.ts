import { createPrivateKey, createPublicKey } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { useX25519 } from '../engine';
import type { X25519Base, ZipCodec } from '../engine';

/**
 * X25519 through OpenSSL: a raw private key imported as a JWK (Node reads `d` only; `x` must be a string but is
 * not used for a private key), its public key read back. About 70 us a key against about 500 us for @noble/curves
 * and Web Crypto's PKCS#8 import under Node 20 (OpenSSL 3's decoders are the slow part).
 */
export const nodeX25519Base: X25519Base = (privateKey) => {
  const key = createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: Buffer.from(privateKey).toString('base64url'), x: '' }, format: 'jwk' });
  const { x } = createPublicKey(key).export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(x ?? '', 'base64url'));
};

/** zlib's level for the CLI's zips: 1% larger than level 6 for a mesh bundle (keys do not compress), 40% faster. */
export const NODE_ZIP_LEVEL = 3;

/**
 * Node's native zlib for the zip, at NODE_ZIP_LEVEL. A small file's deflate output is a view into the 16 KiB chunk
 * zlib wrote it to: copied to its own size, so a zip held in memory (rotate's, a test's) does not pin 16 KiB per
 * file (before the export streamed its zip, this took its peak RSS from 266-273 to 185 MiB at 1,000 hub hosts).
 */
export const NODE_ZIP_CODEC: ZipCodec = {
  deflateRaw: (data) => {
    const packed = deflateRawSync(data, { level: NODE_ZIP_LEVEL });
    return packed.byteLength < packed.buffer.byteLength ? new Uint8Array(packed) : packed;
  },
  crc32: (data) => crc32(data),
};

/**
 * Makes the engine use Node's native X25519 (checked on the RFC 7748 vectors first). A Node without it keeps
 * @noble/curves: slower, same keys.
 */
export function useNodeCrypto(): void {
  try {
    useX25519(nodeX25519Base);
  } catch {
    // The self-test failed or the import is refused: @noble/curves stays, which is correct, only slower.
  }
}
