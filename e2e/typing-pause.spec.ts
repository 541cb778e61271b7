import { expect, test } from './fixtures/test';

/**
 * Inspector fields try their text once typing pauses (fields.tsx), so a typed word costs one design change, not one
 * per key. These are the ways a user leaves a field before the pause: none may lose what was typed.
 */
test.describe('text typed into the inspector and left at once', () => {
  test('reaches the design when another host is selected, on Enter, on Ctrl+S, and across a reload', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('point-to-point');
    const nameOf = async (id: string) => (await designer.savedDesign())?.hosts.find((h) => h.id === id) as { name?: string } | undefined;

    // Typed key by key, then straight to another card: the blur tries the text.
    await designer.canvas.select('pg-primary');
    await designer.inspector.field('name').fill('');
    await designer.inspector.field('name').pressSequentially('orders db');
    await designer.canvas.select('app-1');
    await expect.poll(async () => (await nameOf('pg-primary'))?.name).toBe('orders db');

    // Enter tries it at once; the card shows the new name.
    await designer.inspector.field('name').fill('');
    await designer.inspector.field('name').pressSequentially('orders api');
    await designer.inspector.field('name').press('Enter');
    await expect(designer.canvas.host('app-1')).toContainText('orders api');

    // Ctrl+S from inside the field: the save dialog's design holds the text typed just before.
    await designer.inspector.field('name').pressSequentially(' 2');
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('save-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await nameOf('app-1'))?.name).toBe('orders api 2');

    // A reload right after typing: the way out tries the text before the autosave writes.
    await designer.canvas.select('pg-primary');
    await designer.inspector.field('name').press('End');
    await designer.inspector.field('name').pressSequentially('!');
    await page.reload();
    await expect.poll(async () => (await nameOf('pg-primary'))?.name).toBe('orders db!');
  });

  test('an invalid value typed and left at once is kept as a draft, not dropped', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('point-to-point');
    await designer.canvas.select('pg-primary');
    await designer.inspector.field('endpoint').pressSequentially('foo');
    await designer.canvas.select('app-1');
    await expect(page.getByTestId('drafts-status')).toHaveText('1 unsaved invalid edit');
    await designer.canvas.select('pg-primary');
    await expect(designer.inspector.field('endpoint')).toHaveValue('foo');
    await expect(designer.inspector.field('endpoint')).toHaveAttribute('aria-invalid', 'true');
  });
});
