// The README's screenshot: the built designer with the hub-and-spoke template, a host selected so the inspector
// shows its live wg0.conf. Run `npm run screenshot` (it builds first); writes docs/screenshot.png.
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
} finally {
  await browser?.close();
  server.kill();
}
