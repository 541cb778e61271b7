// keys (issue 25): keypairs per second through our paths against the platform's bare X25519, in Node (the CLI's
// path: Node's native X25519 behind the engine's keypair batch) and in Chromium (the page's path: Web Crypto checked
// on RFC 7748's vectors, @noble/curves as the fallback); and whether every backend gives the same public keys.
import { generateKeyPairSync } from 'node:crypto';
import { nodeX25519Base, useNodeCrypto } from '../src/cli/node-codecs';
import { clampPrivateKey, cryptoRandom, nobleX25519Base, resetX25519 } from '../src/engine/keys';
import { generateKeypairsFast } from '../src/engine/keys/keypairs-batch';
import { webCryptoPublicKeys } from '../src/engine/keys/webcrypto-x25519';
import { chromiumKeyRates } from './keys-browser';
import { median } from './measure';
import type { Row } from './table';

const KEYS = 500;
const ROUNDS = 7;
/**
 * Ours against the bare platform: ours also draws from the engine's random source, clamps, encodes base64 and (in
 * the page) checks RFC 7748's vectors on every batch; the bare path only generates and exports. 0.8 leaves those
 * 20% and no more: a wrapper that cost more would be worth removing.
 */
const RATIO_MIN = 0.8;
const RFC7748_ALICE = ['77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a', '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a'] as const;

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/**
 * What Node alone does for a keypair: generate, then export both halves as JWK (base64url of the raw 32 bytes).
 * JWK is Node's cheapest export of the raw key: DER export goes through OpenSSL 3's encoders, at a third the rate.
 */
function bareNodeKeypairs(count: number): number {
  let chars = 0;
  for (let i = 0; i < count; i++) {
    const { publicKey, privateKey } = generateKeyPairSync('x25519');
    chars += (publicKey.export({ format: 'jwk' }).x ?? '').length + (privateKey.export({ format: 'jwk' }).d ?? '').length;
  }
  return chars > 0 ? count : 0;
}

/** Keypairs per second in Node, ours and the bare platform taking turns, medians of ROUNDS rounds of KEYS. */
async function nodeRates(): Promise<{ ours: number; bare: number }> {
  useNodeCrypto();
  const paths: Record<'ours' | 'bare', (n: number) => Promise<number> | number> = {
    ours: async (n) => (await generateKeypairsFast(cryptoRandom, n)).length,
    bare: bareNodeKeypairs,
  };
  try {
    for (const run of Object.values(paths)) await run(50);
    const rates = { ours: [] as number[], bare: [] as number[] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const name of ['ours', 'bare'] as const) {
        const t = performance.now();
        const made = await paths[name](KEYS);
        rates[name].push(made / ((performance.now() - t) / 1000));
      }
    }
    return { ours: median(rates.ours), bare: median(rates.bare) };
  } finally {
    resetX25519();
  }
}

/** RFC 7748's vector and KEYS random keys through noble, Node's Web Crypto and node:crypto: all must agree. */
async function backendsAgree(): Promise<Row> {
  const sample = [Buffer.from(RFC7748_ALICE[0], 'hex'), ...Array.from({ length: KEYS }, () => {
    const raw = new Uint8Array(32);
    cryptoRandom(raw);
    return clampPrivateKey(raw);
  })].map((k) => new Uint8Array(k));
  const expected = sample.map(nobleX25519Base).map(hex);
  const webcrypto = await webCryptoPublicKeys(sample).catch(() => null);
  const agree = expected[0] === RFC7748_ALICE[1]
    && (webcrypto === null || webcrypto.map(hex).every((k, i) => k === expected[i]))
    && sample.map(nodeX25519Base).map(hex).every((k, i) => k === expected[i]);
  return {
    section: 'keys', figure: `same public keys (RFC 7748 + ${KEYS} random)`, value: agree ? 1 : 0, unit: '', budget: { min: 1 },
    note: agree ? `noble, ${webcrypto ? 'Web Crypto and ' : ''}node:crypto agree` : 'backends DISAGREE',
  };
}

export async function keysFigures(): Promise<Row[]> {
  const node = await nodeRates();
  const rows: Row[] = [
    { section: 'keys', figure: 'Node: keypairs/s, ours (CLI path)', value: node.ours, unit: '/s', note: 'node:crypto X25519 via JWK import, random + clamp + base64' },
    { section: 'keys', figure: 'Node: keypairs/s, bare generateKeyPairSync(x25519)', value: node.bare, unit: '/s', note: 'generate + JWK export of both halves' },
    { section: 'keys', figure: 'Node: ours / bare', value: node.ours / node.bare, unit: 'x', budget: { min: RATIO_MIN }, note: `rounds of ${KEYS} taking turns, medians of ${ROUNDS}` },
  ];
  try {
    const web = await chromiumKeyRates(KEYS, ROUNDS);
    rows.push(
      { section: 'keys', figure: 'Chromium: keypairs/s, ours (page path)', value: web.ours, unit: '/s', note: `generateKeypairsFast: Web Crypto + RFC 7748 check per batch; Chromium ${web.version}` },
      { section: 'keys', figure: 'Chromium: keypairs/s, bare subtle.generateKey(X25519)', value: web.bare, unit: '/s', note: 'generateKey + exportKey raw and pkcs8' },
      { section: 'keys', figure: 'Chromium: keypairs/s, @noble/curves (the fallback)', value: web.noble, unit: '/s' },
      { section: 'keys', figure: 'Chromium: ours / bare', value: web.ours / web.bare, unit: 'x', budget: { min: RATIO_MIN }, note: `rounds of ${KEYS} taking turns, medians of ${ROUNDS}` },
    );
  } catch (e) {
    rows.push({ section: 'keys', figure: 'Chromium: ours / bare', value: null, unit: 'x', budget: { min: RATIO_MIN }, note: `not measured: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` });
  }
  rows.push(await backendsAgree());
  return rows;
}
