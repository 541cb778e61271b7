// A page in Debian's headless Chromium (launch flags as bench/ui-bench.mjs has them), served on loopback so it is a
// secure context (Web Crypto, workers): the bench's scripts are bundled with esbuild and served by path.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Bundles each entry (path served -> source file), serves them beside an empty page that loads `pageScript` when
 * given, and runs `use` with the page and the browser (for its version); closes both whatever `use` does.
 */
export async function withChromiumPage<T>(
  entries: Record<string, string>, pageScript: string | null, use: (page: Page, browser: Browser) => Promise<T>,
): Promise<T> {
  const { build } = await import('esbuild');
  const scripts = new Map<string, string>();
  for (const [path, entry] of Object.entries(entries)) {
    const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'warning' });
    scripts.set(path, out.outputFiles[0]?.text ?? '');
  }
  const html = `<!doctype html>${pageScript === null ? '' : `<script src="${pageScript}"></script>`}`;
  const server = createServer((req, res) => {
    const script = scripts.get(req.url ?? '');
    if (script !== undefined) res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'Content-Type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return await use(page, browser);
  } finally {
    await browser.close();
    server.close();
  }
}
