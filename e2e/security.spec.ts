import { expect, test } from './fixtures/test';

test.describe('page security', () => {
  test('runs under the strict CSP, with nothing inline and everything bundled', async ({ designer, page }) => {
    const response = await page.goto('/');
    const header = response?.headers()['content-security-policy'] ?? '';
    expect(header).toContain("default-src 'none'");
    expect(header).toContain("frame-ancestors 'none'");
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("script-src 'self'");
    expect(meta).toContain("style-src 'self'");
    expect(meta).not.toContain('unsafe-inline');

    await designer.toolbar.startFromTemplate('hub-and-spoke');
    await designer.expectCounts(5, 4, 3);
    // No inline script or <style> element: styles come from the bundled CSS file only.
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.locator('style').count()).toBe(0);
    // System fonts only: the page downloads no font.
    const fonts = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => /\.(woff2?|ttf|otf)(\?|$)/.test(r.name)).length);
    expect(fonts).toBe(0);
  });

  test('host names are text, never markup, on the canvas, in the inspector and in the findings', async ({ designer, page }) => {
    await designer.open();
    await designer.palette.dragTo('redis', { x: 300, y: 200 });
    await designer.canvas.select('redis-1');
    await designer.inspector.field('name').fill('<img src=x onerror="document.title=1">');
    await expect(designer.canvas.host('redis-1')).toContainText('<img src=x');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.title()).toBe('wg-designer');
  });
});
