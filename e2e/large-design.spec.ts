import { generateDesign } from '../src/engine/testing/generate-design';
import { textFile } from './fixtures/files';
import { readZip } from './fixtures/zip';
import { expect, test } from './fixtures/test';

/** A 1,000-host hub-and-spoke design laid out on a grid (40 cards a row), as a saved design has positions. */
function largeDesignFile() {
  const design = generateDesign({ shape: 'hub-and-spoke', hosts: 1000 });
  const hosts = design.hosts.map((h, i) => ({ ...h, position: { x: (i % 40) * 240, y: Math.floor(i / 40) * 130 } }));
  return textFile('fleet.json', JSON.stringify({ ...design, hosts }));
}

test.describe('a large design', () => {
  test.setTimeout(120_000);

  test('an inspector edit of one host among 1,000 updates the findings and the preview once the worker has checked it', async ({ designer }) => {
    await designer.open();
    await designer.toolbar.openFile(largeDesignFile());
    await designer.expectCounts(1000, 999, 949);
    // Large designs are checked in the engine worker; the generated design is correct.
    await expect(designer.findings.root).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    await expect(designer.findings.errors()).toHaveCount(0);

    // app-0 sits in the second row of the grid, on screen after the fit.
    await designer.canvas.select('app-0');
    await designer.inspector.field('mtu').fill('9000');
    const finding = designer.findings.byCode('mtu-above-tunnel');
    await expect(finding.first()).toBeVisible({ timeout: 30_000 });
    await expect(finding.first()).toContainText('app-0');
    await expect(designer.findings.root).toHaveAttribute('aria-busy', 'false');
    await expect(designer.inspector.configText()).toContainText('MTU = 9000');

    // Undo is an edit too: the finding goes once the worker has checked the design again.
    await designer.inspector.field('mtu').blur();
    await designer.page.keyboard.press('Control+z');
    await expect(designer.findings.byCode('mtu-above-tunnel')).toHaveCount(0, { timeout: 30_000 });
  });

  test('its 999 tunnels are one path, and a click on a line selects that tunnel as a full edge', async ({ designer }) => {
    await designer.open();
    await designer.toolbar.openFile(largeDesignFile());
    await designer.expectCounts(1000, 999, 949);
    const bundle = designer.canvas.bundle('tunnel');
    await expect(bundle).toHaveAttribute('data-count', '999');
    const at = await designer.canvas.pointOnBundle('tunnel');
    expect(at).not.toBeNull();
    await designer.page.mouse.click(at?.x ?? 0, at?.y ?? 0);
    await expect(designer.canvas.root.locator('.react-flow__edge-tunnel.selected')).toHaveCount(1);
    await expect(bundle).toHaveAttribute('data-count', '998');
  });

  test('its export previews the first files only, and the zip holds every host\'s files', async ({ designer, page }, info) => {
    await designer.open();
    await designer.toolbar.openFile(largeDesignFile());
    await designer.expectCounts(1000, 999, 949);
    await designer.toolbar.button('export').click();
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog.getByTestId('download-zip')).toBeEnabled({ timeout: 60_000 });
    // 1,000 hosts' files are about 22 MB of text: past the 16 MiB the page keeps to preview.
    await expect(dialog.getByTestId('export-preview-partial')).toContainText('The zip holds every file');
    const tree = dialog.getByTestId('file-tree');
    await expect(tree.locator('[data-path="hub/wg0.conf"]')).toBeVisible();
    await expect(tree.locator('[data-path="app-948/wg0.conf"]')).toHaveCount(0);

    const download = page.waitForEvent('download');
    await dialog.getByTestId('download-zip').click();
    const path = info.outputPath('fleet.zip');
    await (await download).saveAs(path);
    const names = [...readZip(path).keys()];
    const count = Number((await dialog.locator('.modal__foot-note').textContent())?.match(/([\d,]+) files/)?.[1]?.replace(/,/g, ''));
    expect(names.length).toBe(count);
    for (const host of ['hub', 'db-0', 'app-0', 'app-948']) expect(names.some((n) => n.endsWith(`/${host}/wg0.conf`))).toBe(true);
  });
});
