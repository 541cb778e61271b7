import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/** The first load's JavaScript, gzipped, must stay under this (the export and zip code load on first use). */
const INITIAL_JS_BUDGET = 350 * 1024;

test('the first load stays within the JavaScript budget, without the zip code', async ({ page }) => {
  const scripts = new Map<string, Buffer>();
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script' && !r.url().includes('worker')) scripts.set(r.url(), await r.body());
  });
  await page.goto('/');
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const gz = [...scripts.values()].reduce((n, body) => n + gzipSync(body, { level: 9 }).length, 0);
  test.info().annotations.push({ type: 'initial JS (gzip)', description: `${(gz / 1024).toFixed(1)} KB in ${scripts.size} files` });
  expect(gz).toBeLessThan(INITIAL_JS_BUDGET);
  for (const [url, body] of scripts) expect(body.toString('utf8'), url).not.toContain('Corrupted zip');
  // The same files the build wrote: the entry named by index.html is among them.
  const entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(readFileSync('dist/index.html', 'utf8'))?.[1];
  expect([...scripts.keys()].some((u) => entry && u.endsWith(entry))).toBe(true);
});
