import { x25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/curves/utils.js';
import { describe, expect, it } from 'vitest';
import { webCryptoPublicKeys } from './webcrypto-x25519';
import { encodeKey } from './wg-base64';
import { publicKeyOf, publicKeysMatch } from './x25519-keys';

// Hex copied from RFC 7748 (https://www.rfc-editor.org/rfc/rfc7748), sections 5.2 and 6.1.
const SCALAR_MULT = [
  {
    scalar: 'a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4',
    u: 'e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c',
    out: 'c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552',
  },
  {
    // This u has its top bit set; RFC 7748 says to mask it, which is part of what the vector checks.
    scalar: '4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d',
    u: 'e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493',
    out: '95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957',
  },
];
const AFTER_1 = '422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079';
const AFTER_1000 = '684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51';
const ALICE_PRIVATE = '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a';
const ALICE_PUBLIC = '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a';
const BOB_PRIVATE = '5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb';
const BOB_PUBLIC = 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f';
const SHARED = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';

const keyText = (hex: string): string => encodeKey(hexToBytes(hex));

describe('RFC 7748 section 5.2', () => {
  it.each(SCALAR_MULT)('scalar mult of $scalar', ({ scalar, u, out }) => {
    expect(bytesToHex(x25519.scalarMult(hexToBytes(scalar), hexToBytes(u)))).toBe(out);
  });

  it('iterates k, u = X25519(k, u), k from u = 9 (1 and 1,000 rounds)', () => {
    let k = hexToBytes(`09${'00'.repeat(31)}`);
    let u = k;
    for (let round = 1; round <= 1000; round++) {
      [k, u] = [x25519.scalarMult(k, u), k];
      if (round === 1) expect(bytesToHex(k)).toBe(AFTER_1);
    }
    expect(bytesToHex(k)).toBe(AFTER_1000);
  });
});

describe('RFC 7748 section 6.1', () => {
  it('derives Alice and Bob public keys with publicKeyOf', () => {
    expect(publicKeyOf(keyText(ALICE_PRIVATE))).toBe(keyText(ALICE_PUBLIC));
    expect(publicKeyOf(keyText(BOB_PRIVATE))).toBe(keyText(BOB_PUBLIC));
    expect(publicKeysMatch(keyText(ALICE_PRIVATE), keyText(ALICE_PUBLIC))).toBe(true);
    expect(publicKeysMatch(keyText(ALICE_PRIVATE), keyText(BOB_PUBLIC))).toBe(false);
  });

  it('derives the same public keys through Web Crypto', async () => {
    const out = await webCryptoPublicKeys([hexToBytes(ALICE_PRIVATE), hexToBytes(BOB_PRIVATE)]);
    expect(out.map(bytesToHex)).toEqual([ALICE_PUBLIC, BOB_PUBLIC]);
  });

  it('agrees on the shared secret from both sides', () => {
    expect(bytesToHex(x25519.getSharedSecret(hexToBytes(ALICE_PRIVATE), hexToBytes(BOB_PUBLIC)))).toBe(SHARED);
    expect(bytesToHex(x25519.getSharedSecret(hexToBytes(BOB_PRIVATE), hexToBytes(ALICE_PUBLIC)))).toBe(SHARED);
  });
});
