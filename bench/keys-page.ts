// Bundled by bench/keys-browser.ts into a page in headless Chromium: keypairs per second through the page's own path
// (generateKeypairsFast: Web Crypto X25519 checked on RFC 7748's vectors, @noble/curves as the fallback) against the
// browser's bare X25519 (generateKey + exportKey, nothing checked or encoded), rounds taking turns.
import { cryptoRandom, generateKeypairs, resetX25519 } from '../src/engine/keys';
import { generateKeypairsFast } from '../src/engine/keys/keypairs-batch';

const X25519 = { name: 'X25519' } as const;

/** What the platform alone does for a keypair: generate, then export both halves as bytes. */
async function bareKeypairs(count: number): Promise<number> {
  const pairs = await Promise.all(Array.from({ length: count }, async () => {
    const pair = (await crypto.subtle.generateKey(X25519, true, ['deriveBits'])) as CryptoKeyPair;
    const [pub, priv] = await Promise.all([crypto.subtle.exportKey('raw', pair.publicKey), crypto.subtle.exportKey('pkcs8', pair.privateKey)]);
    return pub.byteLength + priv.byteLength;
  }));
  return pairs.length;
}

const PATHS: Record<string, (count: number) => Promise<number>> = {
  ours: async (count) => (await generateKeypairsFast(cryptoRandom, count)).length,
  bare: bareKeypairs,
  noble: async (count) => generateKeypairs(cryptoRandom, count).length,
};

/** Median keypairs per second of each path over `rounds` rounds of `count` keys, the paths taking turns. */
async function keypairsPerSecond(count: number, rounds: number): Promise<Record<string, number>> {
  resetX25519();
  for (const run of Object.values(PATHS)) await run(50);
  const rates: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of Object.entries(PATHS)) {
      const t = performance.now();
      const made = await run(count);
      (rates[name] ??= []).push(made / ((performance.now() - t) / 1000));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  return Object.fromEntries(Object.entries(rates).map(([name, xs]) => [name, median(xs)]));
}

(globalThis as unknown as { keypairsPerSecond: typeof keypairsPerSecond }).keypairsPerSecond = keypairsPerSecond;
