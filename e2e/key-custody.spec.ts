import type { Page } from '@playwright/test';
import type { DesignerPage } from './fixtures/DesignerPage';
import { expect, test } from './fixtures/test';

/** pg-1 and app-1 with keys made in this tab, autosaved (public keys only, "Remember private keys" being off). */
async function twoHostsWithKeys(designer: DesignerPage): Promise<Map<string, string | null>> {
  await designer.open();
  await designer.buildTwoHosts();
  await expect.poll(async () => (await designer.savedDesign())?.hosts.every((h) => h.publicKey !== null)).toBe(true);
  const saved = await designer.savedDesign();
  return new Map(saved?.hosts.map((h) => [h.id, h.publicKey]));
}

const banner = (page: Page) => page.getByTestId('keys-lost-banner');

test.describe('key custody', () => {
  test('a reload that dropped private keys shows a banner and an export error, and one click makes new keys for all', async ({ designer, page }) => {
    const before = await twoHostsWithKeys(designer);
    await page.reload();
    await designer.expectCounts(2, 1, 0);

    await expect(banner(page)).toContainText('2 hosts lost their private keys on reload');
    const orphaned = designer.findings.byCode('key-orphaned');
    await expect(orphaned).toHaveCount(1);
    await expect(orphaned).toContainText('pg-1 and app-1 have public keys but their private keys are not in the design');
    await expect(designer.findings.errors()).toHaveCount(1);
    await expect(orphaned.getByTestId('apply-fix')).toContainText('Generate new keys for pg-1 and app-1');
    await expect(orphaned.getByTestId('apply-alternative')).toContainText('Kept by the host');

    await designer.toolbar.button('export').click();
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog).toContainText('The design has 1 error in the findings panel');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    await banner(page).getByTestId('keys-lost-generate').click();
    await expect(banner(page)).toHaveCount(0);
    await expect(orphaned).toHaveCount(0);
    await expect(designer.findings.errors()).toHaveCount(0);
    await expect.poll(async () => (await designer.savedDesign())?.hosts.filter((h) => h.publicKey !== null && h.publicKey !== before.get(h.id)).length).toBe(2);
    await designer.canvas.select('app-1');
    await expect(designer.inspector.root.getByTestId('private-key-status')).toContainText('in this tab');
  });

  test('"These hosts keep their own keys" switches them to host custody and keeps their public keys', async ({ designer, page }) => {
    const before = await twoHostsWithKeys(designer);
    await page.reload();
    await banner(page).getByTestId('keys-lost-keep').click();
    await expect(banner(page)).toHaveCount(0);
    await expect(designer.findings.byCode('key-orphaned')).toHaveCount(0);
    await designer.canvas.select('pg-1');
    await expect(designer.inspector.field('keys')).toHaveValue('host');
    await expect(designer.inspector.field('publicKey')).toHaveValue(before.get('pg-1') ?? '');
    const saved = await designer.savedDesign();
    expect(saved?.hosts.map((h) => h.publicKey)).toEqual(saved?.hosts.map((h) => before.get(h.id)));
  });

  test('a dismissed banner stays away on reloads of the same state; the finding stays until it is fixed', async ({ designer, page }) => {
    const before = await twoHostsWithKeys(designer);
    await page.reload();
    await banner(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner(page)).toHaveCount(0);
    await page.reload();
    await designer.expectCounts(2, 1, 0);
    await expect(designer.findings.byCode('key-orphaned')).toHaveCount(1);
    await expect(banner(page)).toHaveCount(0);

    // The finding stays until the state changes; host custody is the other way out (here from the inspector).
    await designer.canvas.select('pg-1');
    await designer.inspector.field('keys').selectOption('host');
    await designer.canvas.select('app-1');
    await designer.inspector.field('keys').selectOption('host');
    await expect(designer.findings.byCode('key-orphaned')).toHaveCount(0);
    await expect(designer.inspector.field('publicKey')).toHaveValue(before.get('app-1') ?? '');
  });

  test('a host-custody public key is checked as it is typed: malformed or another host\'s key is refused, by field and by host', async ({ designer, page }) => {
    const keys = await twoHostsWithKeys(designer);
    await designer.canvas.select('app-1');
    await designer.inspector.field('keys').selectOption('host');
    const field = designer.inspector.field('publicKey');
    await expect(field).toBeVisible();

    await field.fill('not-a-key');
    const error = designer.inspector.root.getByTestId('host-keys').getByRole('alert');
    await expect(error).toContainText('Public key is not a WireGuard key');
    await expect(field).toHaveValue('not-a-key');
    await expect(field).toHaveAttribute('aria-invalid', 'true');

    await field.fill(keys.get('pg-1') ?? '');
    await expect(error).toContainText('Public key is already pg-1\'s');

    // Without clipboard permission, Paste says how else to paste, and the text stays.
    await designer.inspector.root.getByTestId('paste-public-key').click();
    await expect(designer.inspector.root.getByTestId('host-keys')).toContainText('Paste is not available here');
    await expect(field).toHaveValue(keys.get('pg-1') ?? '');

    // Pasted from the clipboard, as a user copies `wg show wg0 public-key` from the host.
    const own = '5fPYzJx0w5bBFsRvySR1XW7rsleE4vpjSGUqLSIxGb4=';
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((k) => navigator.clipboard.writeText(k), own);
    await designer.inspector.root.getByTestId('paste-public-key').click();
    await expect(field).toHaveValue(own);
    await expect(error).toHaveCount(0);
    await expect.poll(async () => (await designer.savedDesign())?.hosts.find((h) => h.id === 'app-1')?.publicKey).toBe(own);
  });

  test('Regenerate keys asks first, then changes only the selected host\'s key', async ({ designer }) => {
    const before = await twoHostsWithKeys(designer);
    await designer.canvas.select('pg-1');
    const keys = designer.inspector.root.getByTestId('host-keys');
    await keys.getByTestId('regenerate-host-keys').click();
    await expect(keys).toContainText('every one of them is given the new bundle');
    await keys.getByTestId('regenerate-host-keys-confirm').click();
    await expect(keys.getByTestId('private-key-status')).toContainText('in this tab');
    await expect.poll(async () => (await designer.savedDesign())?.hosts.find((h) => h.id === 'pg-1')?.publicKey).not.toBe(before.get('pg-1'));
    expect((await designer.savedDesign())?.hosts.find((h) => h.id === 'app-1')?.publicKey).toBe(before.get('app-1'));
  });
});
