// keys in Chromium: bench/keys-page.ts bundled with esbuild and served on loopback (a secure context, so Web Crypto
// is there), run in Debian's headless Chromium with the launch flags of bench/ui-bench.mjs.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserKeyRates { ours: number; bare: number; noble: number; version: string }

/** Keypairs per second in Chromium: the page's path, the bare platform and @noble/curves, `rounds` of `count`. */
export async function chromiumKeyRates(count: number, rounds: number): Promise<BrowserKeyRates> {
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: ['bench/keys-page.ts'], bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'warning' });
  const script = out.outputFiles[0]?.text ?? '';
  const server = createServer((req, res) => {
    if (req.url === '/keys.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><script src="/keys.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const rates = await page.evaluate(([n, r]) => (globalThis as unknown as {
      keypairsPerSecond: (count: number, rounds: number) => Promise<Record<string, number>>;
    }).keypairsPerSecond(n, r), [count, rounds] as const);
    return { ours: rates.ours ?? NaN, bare: rates.bare ?? NaN, noble: rates.noble ?? NaN, version: browser.version() };
  } finally {
    await browser.close();
    server.close();
  }
}
