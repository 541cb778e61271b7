import { expect, test } from './fixtures/test';

test.describe('never lose work', () => {
  test('the design survives a reload, and local storage never holds a private key', async ({ designer, page }) => {
    await designer.open();
    await designer.buildTwoHosts();
    await designer.canvas.select('app-1');
    await designer.inspector.addFlow('pg-1');
    await designer.expectCounts(2, 1, 1);
    await expect(designer.inspector.root.getByTestId('private-key-status')).toContainText('in this tab');

    const saved = await designer.savedDesign();
    expect(saved?.hosts.map((h) => h.id).sort()).toEqual(['app-1', 'pg-1']);
    expect(saved?.hosts.every((h) => h.privateKey === null && h.publicKey !== null)).toBe(true);
    expect(saved?.tunnels.every((t) => t.presharedKey === null)).toBe(true);
    const raw = await page.evaluate(() => JSON.stringify(localStorage));
    expect(raw).not.toMatch(/"privateKey":"[A-Za-z0-9+/]{43}="/);

    await page.reload();
    await designer.expectCounts(2, 1, 1);
    expect(await designer.canvas.hostIds()).toEqual(['app-1', 'pg-1']);
    await expect(designer.canvas.flowLabels()).toHaveText(['→ tcp/5432']);
  });

  test('"remember keys on this device" is off by default and says what turning it on means', async ({ designer, page }) => {
    await designer.open();
    await designer.buildTwoHosts();
    await designer.canvas.clickEmpty();
    const remember = page.getByTestId('remember-keys');
    await expect(remember).not.toBeChecked();
    await expect(designer.inspector.root).toContainText('unencrypted');
    await remember.check();
    await expect.poll(async () => (await designer.savedDesign())?.hosts.every((h) => h.privateKey !== null)).toBe(true);
    await remember.uncheck();
    await expect.poll(async () => (await designer.savedDesign())?.hosts.some((h) => h.privateKey !== null)).toBe(false);
  });

  test('undo and redo with the keyboard; Delete removes the selection', async ({ designer, page }) => {
    await designer.open();
    await designer.buildTwoHosts();
    await designer.expectCounts(2, 1, 0);

    // The last step of buildTwoHosts typed pg-1's endpoint: one undo step that changes no count.
    await page.keyboard.press('Control+z');
    await expect(designer.canvas.tunnelLabels()).toHaveCount(1);
    await designer.expectCounts(2, 1, 0);
    await page.keyboard.press('Control+z');
    await designer.expectCounts(2, 0, 0);
    await page.keyboard.press('Control+z');
    await designer.expectCounts(1, 0, 0);
    await page.keyboard.press('Control+Shift+z');
    await designer.expectCounts(2, 0, 0);
    await page.keyboard.press('Control+Shift+z');
    await designer.expectCounts(2, 1, 0);

    // Moving a host is one undo step, however long the drag.
    const before = await designer.canvas.host('pg-1').boundingBox();
    await designer.canvas.host('pg-1').locator('.host-node__name').hover();
    await page.mouse.down();
    await page.mouse.move((before?.x ?? 0) + 60, (before?.y ?? 0) + 160, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await designer.canvas.host('pg-1').boundingBox())?.y).toBeGreaterThan((before?.y ?? 0) + 100);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round((await designer.canvas.host('pg-1').boundingBox())?.y ?? 0)).toBe(Math.round(before?.y ?? 0));

    await designer.canvas.select('pg-1');
    await page.keyboard.press('Delete');
    await designer.expectCounts(1, 0, 0);
    await expect(designer.canvas.host('pg-1')).toHaveCount(0);
    await page.getByTestId('tb-undo').click();
    await designer.expectCounts(2, 1, 0);
    await page.getByTestId('tb-redo').click();
    await designer.expectCounts(1, 0, 0);
  });
});
