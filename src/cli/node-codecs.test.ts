import { x25519 } from '@noble/curves/ed25519.js';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../engine';
import { x25519Base, resetX25519 } from '../engine/keys';
import { NODE_ZIP_CODEC, nodeX25519Base, useNodeCrypto } from './node-codecs';

afterAll(() => resetX25519());

describe('Node crypto for the CLI', () => {
  it('gives the same public keys as @noble/curves for 200 random keys, clamped or not', () => {
    const random = seededRandom(99);
    for (let i = 0; i < 200; i++) {
      const k = new Uint8Array(32);
      random(k);
      expect(Buffer.from(nodeX25519Base(k)).toString('hex')).toBe(Buffer.from(x25519.getPublicKey(k)).toString('hex'));
    }
  });

  it('is installed by useNodeCrypto (it passes the RFC 7748 self-test)', () => {
    useNodeCrypto();
    expect(x25519Base()).toBe(nodeX25519Base);
  });

  it('zlib deflate is raw DEFLATE and crc32 is the zip CRC', async () => {
    const { inflateSync } = await import('fflate');
    const data = new TextEncoder().encode('AllowedIPs = 10.10.0.1/32\n'.repeat(50));
    expect(inflateSync(NODE_ZIP_CODEC.deflateRaw(data))).toEqual(data);
    expect(NODE_ZIP_CODEC.crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
