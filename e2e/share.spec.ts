import { decodeShareFragment } from '../src/engine';
import { generateDesign } from '../src/engine/testing/generate-design';
import { DesignerPage } from './fixtures/DesignerPage';
import { textFile } from './fixtures/files';
import { expect, test } from './fixtures/test';

test.describe('share link', () => {
  test('a link past 8,000 characters comes with the warning that tools cut it, and the file to send instead', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.openFile(textFile('fleet.json', JSON.stringify(generateDesign({ shape: 'hub-and-spoke', hosts: 300 }))));
    await designer.expectCounts(300, 299, 284);
    const link = await designer.toolbar.shareLink();
    expect(link.length).toBeGreaterThan(8_000);
    await expect(page.getByTestId('share-long')).toContainText(`This link is ${link.length.toLocaleString('en-US')} characters`);
    await expect(page.getByTestId('share-long')).toContainText('send the design as a file instead');
  });

  test('copy a link, open it in a fresh browser: the same design, editable, and no private key anywhere', async ({ designer, page, browser, guard, baseURL }) => {
    await designer.open();
    await designer.buildTwoHosts();
    await designer.canvas.select('app-1');
    await designer.inspector.addFlow('pg-1', 5432);
    await designer.expectCounts(2, 1, 1);
    // Wait for the worker's keys, so there is a private key that the link must leave out.
    await expect(designer.inspector.root.getByTestId('private-key-status')).toContainText('in this tab');

    const link = await designer.toolbar.shareLink();
    const url = new URL(link);
    expect(url.origin).toBe(new URL(baseURL ?? '').origin);
    expect(url.hash.startsWith('#wgd2.')).toBe(true);
    await page.getByTestId('copy-share-link').click();
    await expect(page.getByTestId('copy-share-link')).toHaveText(/Copied|Copy failed/);

    // What the link holds: the design, public keys, and neither a private nor a preshared key.
    const decoded = decodeShareFragment(url.hash);
    if (!decoded.ok) throw new Error(decoded.errors.map((e) => e.message).join('; '));
    expect(decoded.value.hosts.map((h) => h.id).sort()).toEqual(['app-1', 'pg-1']);
    expect(decoded.value.hosts.every((h) => h.privateKey === null && h.publicKey !== null)).toBe(true);
    expect(decoded.value.tunnels.every((t) => t.presharedKey === null)).toBe(true);

    // A fresh browser (no autosave) opens the link.
    const context = await browser.newContext();
    guard.watchContext(context);
    const other = new DesignerPage(await context.newPage());
    await other.open(link.replace(url.origin, ''));
    await other.expectCounts(2, 1, 1);
    expect(await other.canvas.hostIds()).toEqual(['app-1', 'pg-1']);
    await expect(other.page.getByTestId('notice')).toContainText('never holds private keys');
    await expect(other.page.getByTestId('notice')).toContainText('each host bring its own');
    await other.canvas.select('pg-1');
    await expect(other.inspector.root.getByTestId('private-key-status')).toContainText('not here');
    await expect(other.inspector.configText()).not.toContainText('PrivateKey = (hidden');
    // The link is gone from the address bar, and the design is this browser's own now: editable and saved.
    expect(new URL(other.page.url()).hash).toBe('');
    await other.inspector.field('name').fill('Orders primary');
    await expect(other.canvas.host('pg-1')).toContainText('Orders primary');
    // Generating keys here is one click.
    await other.page.getByTestId('notice-generate-keys').click();
    await expect(other.inspector.root.getByTestId('private-key-status')).toContainText('in this tab');
    await context.close();
  });

  test('a damaged link says so and leaves the current design untouched', async ({ designer, page }) => {
    await designer.open();
    await designer.buildTwoHosts();
    const link = await designer.toolbar.shareLink();
    await page.keyboard.press('Escape');
    const cut = link.slice(0, link.length - 40);
    await page.goto(cut);
    await expect(page.getByTestId('notice')).toContainText('could not be opened');
    await expect(page.getByTestId('notice')).toContainText('kept as it was');
    await designer.expectCounts(2, 1, 0);
    // The same on a fresh load of the page.
    await page.goto(`/#wgd1.${'x'.repeat(20)}`);
    await page.reload();
    await designer.expectCounts(2, 1, 0);
  });

  test('a link that carries a private key is refused', async ({ designer, page }) => {
    const { deflateSync } = await import('fflate');
    const { encodeBase64Url } = await import('../src/engine/share/base64url');
    const evil = {
      format: 'wg-designer/1', name: 'planted',
      hosts: [{ id: 'db', role: 'db', privateKey: 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=' }],
    };
    const fragment = `wgd1.${encodeBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(evil))))}`;
    await designer.open(`/#${fragment}`);
    await expect(page.getByTestId('notice')).toContainText('private or preshared key');
    await designer.expectCounts(0, 0, 0);
  });
});
