// keys: X25519 keypairs per second with each backend, and whether they all give the same public keys.
import { nodeX25519Base } from '../src/cli/node-codecs';
import { clampPrivateKey, cryptoRandom, nobleX25519Base } from '../src/engine/keys';
import { webCryptoPublicKeys } from '../src/engine/keys/webcrypto-x25519';
import { median } from './measure';
import type { Row } from './table';

const KEYS = 500;
const RFC7748_ALICE = ['77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a', '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a'] as const;

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function privateKeys(count: number): Uint8Array[] {
  return Array.from({ length: count }, () => {
    const raw = new Uint8Array(32);
    cryptoRandom(raw);
    return clampPrivateKey(raw);
  });
}

/** Keypairs per second: fresh private keys each round (random + clamp + public key), median of 5 after warm-up. */
async function keysPerSecond(derive: (keys: Uint8Array[]) => Promise<Uint8Array[]> | Uint8Array[]): Promise<number> {
  await derive(privateKeys(20));
  const rates: number[] = [];
  for (let round = 0; round < 5; round++) {
    const t = performance.now();
    await derive(privateKeys(KEYS));
    rates.push(KEYS / ((performance.now() - t) / 1000));
  }
  return median(rates);
}

export async function keysFigures(): Promise<Row[]> {
  const noble = (keys: Uint8Array[]) => keys.map(nobleX25519Base);
  const native = (keys: Uint8Array[]) => keys.map(nodeX25519Base);
  const sample = [Buffer.from(RFC7748_ALICE[0], 'hex'), ...privateKeys(KEYS)].map((k) => new Uint8Array(k));
  const expected = noble(sample).map(hex);
  let webcryptoNote = '';
  let webcrypto: Uint8Array[] = [];
  try {
    webcrypto = await webCryptoPublicKeys(sample);
  } catch (e) {
    webcryptoNote = `not available: ${e instanceof Error ? e.message : String(e)}`;
  }
  const agree = expected[0] === RFC7748_ALICE[1]
    && (webcryptoNote !== '' || webcrypto.map(hex).every((k, i) => k === expected[i]))
    && native(sample).map(hex).every((k, i) => k === expected[i]);
  const rows: Row[] = [
    { section: 'keys', figure: 'keypairs/s, @noble/curves (page, worker)', value: await keysPerSecond(noble), unit: '/s', note: 'pure JS; ~60 ms table set-up on first use' },
    webcryptoNote
      ? { section: 'keys', figure: 'keypairs/s, WebCrypto X25519', value: null, unit: '/s', note: webcryptoNote }
      : { section: 'keys', figure: 'keypairs/s, WebCrypto X25519', value: await keysPerSecond(webCryptoPublicKeys), unit: '/s', note: "Node 20: OpenSSL 3's PKCS#8 import dominates" },
    { section: 'keys', figure: 'keypairs/s, node:crypto X25519 (CLI)', value: await keysPerSecond(native), unit: '/s', note: 'raw key via JWK import; installed after an RFC 7748 self-test' },
    {
      section: 'keys', figure: `same public keys (RFC 7748 + ${KEYS} random)`, value: agree ? 1 : 0, unit: '', budget: { min: 1 },
      note: agree ? 'noble, WebCrypto and node:crypto agree' : 'backends DISAGREE',
    },
  ];
  return rows;
}
