// The engine type-checks without the DOM lib, so the slice of SubtleCrypto used here is declared locally.
type OpaqueKey = { readonly type: string };
interface SubtleX25519 {
  importKey(
    format: 'pkcs8' | 'raw',
    keyData: Uint8Array,
    algorithm: { name: 'X25519' },
    extractable: boolean,
    keyUsages: string[],
  ): Promise<OpaqueKey>;
  deriveBits(
    algorithm: { name: 'X25519'; public: OpaqueKey },
    baseKey: OpaqueKey,
    length: number,
  ): Promise<ArrayBuffer>;
}

const X25519 = { name: 'X25519' } as const;
// RFC 8410 PKCS#8 wrapping of a raw X25519 private key: SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.110 },
// OCTET STRING { OCTET STRING (32 bytes) } }. The 32 key bytes follow this fixed header.
const PKCS8_HEADER = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20];
// The X25519 base point u = 9. Web Crypto cannot export a public key from a private one in raw form, but
// X25519(k, 9) is by definition the public key of k, and deriveBits computes exactly that.
const BASE_POINT = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 9 : 0));

/** Web Crypto's SubtleCrypto when this runtime exposes it (absent outside secure contexts), else undefined. */
function subtle(): SubtleX25519 | undefined {
  const found = (globalThis as unknown as { crypto?: { subtle?: Partial<SubtleX25519> } }).crypto?.subtle;
  if (typeof found?.importKey !== 'function' || typeof found.deriveBits !== 'function') return undefined;
  return found as SubtleX25519;
}

/**
 * Public keys of raw 32-byte private keys via Web Crypto X25519 (Node 20+, Chromium 133+, Firefox 130+, Safari 17+).
 * Rejects when the runtime lacks it; callers fall back to @noble/curves. Private keys are imported non-extractable.
 */
export async function webCryptoPublicKeys(privateKeys: readonly Uint8Array[]): Promise<Uint8Array[]> {
  const api = subtle();
  if (api === undefined) throw new Error('Web Crypto SubtleCrypto is not available');
  const base = await api.importKey('raw', BASE_POINT, X25519, false, []);
  return Promise.all(
    privateKeys.map(async (privateKey) => {
      const pkcs8 = Uint8Array.from([...PKCS8_HEADER, ...privateKey]);
      const key = await api.importKey('pkcs8', pkcs8, X25519, false, ['deriveBits']);
      pkcs8.fill(0);
      return new Uint8Array(await api.deriveBits({ ...X25519, public: base }, key, 256));
    }),
  );
}
