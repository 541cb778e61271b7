import { readFileSync } from 'node:fs';
import { DesignerPage } from './fixtures/DesignerPage';
import { expect, test } from './fixtures/test';

test.describe('no input is lost', () => {
  test('an invalid value stays in its field across selections and a reload, is counted in the status bar, and Export says so first', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('point-to-point');
    await designer.expectCounts(2, 1, 1);

    await designer.canvas.select('pg-primary');
    await designer.inspector.field('endpoint').fill('foo');
    await expect(designer.inspector.root.getByRole('alert')).toBeVisible();
    const drafts = page.getByTestId('drafts-status');
    await expect(drafts).toHaveText('1 unsaved invalid edit');

    // Another host, then back: the text and its message are still there.
    await designer.canvas.select('app-1');
    await designer.inspector.field('mtu').fill('99999');
    await expect(drafts).toHaveText('2 unsaved invalid edits');
    await designer.canvas.select('pg-primary');
    await expect(designer.inspector.field('endpoint')).toHaveValue('foo');
    await expect(designer.inspector.field('endpoint')).toHaveAttribute('aria-invalid', 'true');
    await designer.canvas.select('app-1');
    await expect(designer.inspector.field('mtu')).toHaveValue('99999');
    // The design kept its last valid values all along.
    await expect.poll(async () => (await designer.savedDesign())?.hosts.map((h) => (h as { endpoint?: string | null }).endpoint)).toEqual([null, null]);
    // A reload finds them again, in the status bar and in their fields.
    await page.reload();
    await expect(drafts).toHaveText('2 unsaved invalid edits');
    await designer.canvas.select('pg-primary');
    await expect(designer.inspector.field('endpoint')).toHaveValue('foo');

    // Export asks first; "go back" leaves the dialog closed, "continue" goes on with the last valid values.
    await designer.toolbar.button('export').click();
    const gate = page.getByTestId('drafts-gate');
    await expect(gate).toContainText('2 unsaved invalid edits');
    await expect(gate.getByTestId('draft')).toHaveCount(2);
    await gate.getByTestId('drafts-gate-back').click();
    await expect(gate).toHaveCount(0);
    await designer.toolbar.button('export').click();
    await page.getByTestId('drafts-gate-continue').click();
    await expect(page.getByTestId('export-dialog')).toBeVisible();
    await page.keyboard.press('Escape');

    // From the status bar: go to a field (the cursor lands in it), or discard.
    await drafts.click();
    const list = page.getByTestId('drafts-dialog');
    await list.getByTestId('draft').filter({ hasText: 'pg-primary' }).getByTestId('draft-go').click();
    await expect(designer.canvas.host('pg-primary')).toHaveClass(/selected/);
    await expect(designer.inspector.field('endpoint')).toBeFocused();
    await designer.inspector.field('endpoint').fill('pg.db.internal:51820');
    await expect(drafts).toHaveText('1 unsaved invalid edit');
    await drafts.click();
    await list.getByTestId('draft-go').click();
    await expect(designer.inspector.field('mtu')).toBeFocused();
    await expect(designer.inspector.field('mtu')).toHaveValue('99999');
    await drafts.click();
    await page.getByTestId('drafts-discard-all').click();
    await expect(drafts).toHaveCount(0);
    await expect(designer.inspector.field('mtu')).toHaveValue('');
  });

  test('a refused public key of a host-custody host is kept the same way', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('point-to-point');
    await designer.canvas.select('app-1');
    await designer.inspector.field('keys').selectOption('host');
    await designer.inspector.field('publicKey').fill('not-a-key');
    await expect(page.getByTestId('drafts-status')).toHaveText('1 unsaved invalid edit');
    await designer.canvas.select('pg-primary');
    await designer.canvas.select('app-1');
    await expect(designer.inspector.field('publicKey')).toHaveValue('not-a-key');
    await expect(designer.inspector.field('publicKey')).toHaveAttribute('aria-invalid', 'true');
  });

  test('dropping configs on a design with hosts asks first: cancel keeps it, merge adds, replace replaces', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('hub-and-spoke');
    await designer.expectCounts(5, 4, 3);
    const question = page.getByTestId('import-dialog');

    await designer.canvas.dropFiles(['hub.conf', 'app.conf', 'db.conf']);
    await expect(question).toContainText('has 5 hosts');
    await expect(question).toContainText('3 configs (4 hosts)');
    await question.getByTestId('import-cancel').click();
    await expect(question).toHaveCount(0);
    await designer.expectCounts(5, 4, 3);
    expect(await designer.canvas.hostIds()).toEqual(['app-1', 'app-2', 'app-3', 'hub', 'pg-primary']);

    // Merge keeps the design and adds the import beside it; "hub" is taken, so the imported hub becomes hub-2.
    await designer.canvas.dropFiles(['hub.conf', 'app.conf', 'db.conf']);
    await question.getByTestId('import-merge').click();
    await expect(designer.status()).toContainText('9 hosts');
    // The canvas draws only the cards in view (it centres on the added ones): the saved design holds them all.
    await expect.poll(async () => (await designer.savedDesign())?.hosts.length).toBe(9);
    const merged = (await designer.savedDesign())?.hosts.map((h) => h.id);
    expect(merged).toEqual(expect.arrayContaining(['app-1', 'app-2', 'app-3', 'hub', 'pg-primary', 'app', 'db', 'hub-2']));
    await page.keyboard.press('Control+z');
    await designer.expectCounts(5, 4, 3);

    await designer.canvas.dropFiles(['hub.conf', 'app.conf', 'db.conf']);
    await question.getByTestId('import-replace').click();
    await expect(page.getByTestId('toast-success').last()).toContainText('Imported 4 hosts from 3 configs');
    await expect(designer.canvas.hosts()).toHaveCount(4);
    expect(await designer.canvas.hostIds()).toEqual(expect.arrayContaining(['app', 'db', 'hub']));
  });

  test('a design saved by another tab is never overwritten silently', async ({ designer, page, context }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('hub-and-spoke');
    await designer.expectCounts(5, 4, 3);
    // Saved with every host's public key: keys come from the worker after the template, and a save of them landing
    // after the second tab opened would be, to that tab, another tab's change (it would stop saving, rightly).
    await expect.poll(async () => (await designer.savedDesign())?.hosts.filter((h) => h.publicKey !== null).length).toBe(5);

    // A second tab opens the same autosave and changes it.
    const other = new DesignerPage(await context.newPage());
    await other.open();
    await other.expectCounts(5, 4, 3);
    await other.toolbar.startFromTemplate('point-to-point', 'replace');
    await other.expectCounts(2, 1, 1);

    // The first tab says so, stops saving, and keeps its own design meanwhile.
    const banner = page.getByTestId('other-tab-banner');
    await expect(banner).toContainText('Another tab changed this design');
    await expect(page.getByTestId('statusbar')).toContainText('Not saved: another tab changed this design');
    await designer.expectCounts(5, 4, 3);
    await designer.canvas.select('app-3');
    await page.keyboard.press('Delete');
    await designer.expectCounts(4, 3, 2);
    await expect.poll(async () => (await designer.savedDesign())?.hosts.length).toBe(2);

    // Keep mine as a copy: it downloads, then this tab shows theirs.
    const download = page.waitForEvent('download');
    await banner.getByTestId('other-tab-copy').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('orders-hub-and-spoke-copy.json');
    const copy = JSON.parse(readFileSync(await file.path(), 'utf8')) as { hosts: unknown[] };
    expect(copy.hosts).toHaveLength(4);
    await expect(banner).toHaveCount(0);
    await designer.expectCounts(2, 1, 1);
    await other.expectCounts(2, 1, 1);
  });
});
