// The README's screenshots: the built designer with the hub-and-spoke template, a host selected so the inspector
// shows its live wg0.conf (docs/screenshot.png), and a 250-host hub-and-spoke design as it opens, laid out by the
// designer and fitted (docs/screenshot-250.png). Run `npm run screenshot` (it builds first).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const port = Number(process.env.SCREENSHOT_PORT ?? 4319);
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server did not start on ${base}`);
}

let browser;
try {
  await waitForServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 880 }, deviceScaleFactor: 1 });
  await page.goto(base);
  await page.getByTestId('tb-templates').click();
  await page.getByTestId('template-hub-and-spoke').click();
  await page.locator('.react-flow__node[data-id="pg-primary"]').waitFor();
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await page.locator('.react-flow__node[data-id="pg-primary"] .host-node__name').click();
  await page.getByTestId('config-text').waitFor();
  // Let the fit-view animation and the worker's keys settle before the picture.
  await page.waitForFunction(() => !document.querySelector('.tag--muted'));
  await page.waitForTimeout(600);
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: 'docs/screenshot.png' });
  console.log('wrote docs/screenshot.png');
  await largeDesignShot(browser);
} finally {
  await browser?.close();
  server.kill();
}

/** 250 hosts without positions, opened as a generated or imported fleet arrives: the designer lays them out and fits the view. */
async function largeDesignShot(b) {
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: ['src/engine/testing/generate-design.ts'], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
  const { generateDesign } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  const design = generateDesign({ shape: 'hub-and-spoke', hosts: 250, keys: true });
  const page = await b.newPage({ viewport: { width: 1440, height: 880 }, deviceScaleFactor: 1 });
  await page.goto(base);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('tb-open').click();
  await (await chooser).setFiles({ name: 'fleet-250.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(design)) });
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 100, null, { timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="findings"][aria-busy="true"]'), null, { timeout: 60_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/screenshot-250.png' });
  console.log('wrote docs/screenshot-250.png');
  await page.close();
}
