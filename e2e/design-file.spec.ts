import { readFileSync } from 'node:fs';
import { DesignerPage } from './fixtures/DesignerPage';
import { expect, test } from './fixtures/test';

test.describe('design as a JSON file', () => {
  test('downloads without keys unless asked, and opens again in a fresh browser', async ({ designer, page, browser, guard }, info) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('site-to-site');
    await designer.canvas.select('gw-vpc');
    await expect(designer.inspector.root.getByTestId('private-key-status')).toContainText('in this tab');

    await page.keyboard.press('Control+s');
    const dialog = page.getByTestId('save-dialog');
    await expect(dialog.getByTestId('save-with-keys')).not.toBeChecked();
    const plain = page.waitForEvent('download');
    await dialog.getByTestId('save-json').click();
    const plainPath = info.outputPath('design.json');
    await (await plain).saveAs(plainPath);
    const text = readFileSync(plainPath, 'utf8');
    const saved = JSON.parse(text) as { format: string; hosts: Array<{ privateKey: unknown; publicKey: unknown }> };
    expect(saved.format).toBe('wg-designer/1');
    expect(saved.hosts.every((h) => h.privateKey === null && typeof h.publicKey === 'string')).toBe(true);

    // Asked for, with a plain warning: the keys are in.
    await designer.toolbar.button('save').click();
    await dialog.getByTestId('save-with-keys').check();
    await expect(dialog).toContainText('impersonate');
    const withKeys = page.waitForEvent('download');
    await dialog.getByTestId('save-json').click();
    const keysPath = info.outputPath('design.with-keys.json');
    await (await withKeys).saveAs(keysPath);
    const secret = JSON.parse(readFileSync(keysPath, 'utf8')) as { hosts: Array<{ privateKey: unknown }> };
    expect(secret.hosts.every((h) => typeof h.privateKey === 'string')).toBe(true);

    // The keyless file opens in another browser as the same design.
    const context = await browser.newContext();
    guard.watchContext(context);
    const other = new DesignerPage(await context.newPage());
    await other.open();
    await other.toolbar.openFile({ name: 'design.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await other.expectCounts(3, 2, 1);
    expect(await other.canvas.hostIds()).toEqual(['app-1', 'gw-office', 'gw-vpc']);
    await context.close();
  });
});
