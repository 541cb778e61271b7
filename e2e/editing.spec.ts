import type { DesignerPage } from './fixtures/DesignerPage';
import { expect, test } from './fixtures/test';

/** The hub-and-spoke template (hub, pg-primary, app-1..3; 4 tunnels, 3 flows). */
async function hubAndSpoke(designer: DesignerPage): Promise<void> {
  await designer.open();
  await designer.toolbar.startFromTemplate('hub-and-spoke');
  await designer.expectCounts(5, 4, 3);
}

test.describe('editing as in a drawing tool (issue 20)', () => {
  test('C opens the tunnel form with the selected host as A; it connects, and says why a pair already joined is refused', async ({ designer, page }) => {
    await hubAndSpoke(designer);
    await designer.canvas.select('app-1');
    await page.keyboard.press('c');
    const form = designer.connectDialog;
    await expect(form.root).toBeVisible();
    await expect(form.from()).toHaveValue('app-1');
    await expect(form.to()).toBeFocused();
    await form.connect('app-2');
    await expect(form.root).toHaveCount(0);
    await designer.expectCounts(5, 5, 3);
    await expect(designer.canvas.tunnelEdge('t-app-1-app-2')).toHaveClass(/selected/);

    // From the host inspector: Connect to… with app-3 as A; hub and app-3 are already joined.
    await designer.canvas.select('app-3');
    await designer.inspector.root.getByTestId('connect-to').click();
    await expect(form.from()).toHaveValue('app-3');
    await form.connect('hub');
    await expect(form.error()).toHaveText('app-3 and hub are already joined by tunnel t-hub-app-3.');
    await expect(form.root).toBeVisible();
    await form.connect('app-3');
    await expect(form.error()).toHaveText('A tunnel joins two different hosts.');
    await page.keyboard.press('Escape');
    await expect(form.root).toHaveCount(0);
    await designer.expectCounts(5, 5, 3);
  });

  test('with two hosts selected, C joins them at once; Ctrl+Z takes the tunnel back', async ({ designer, page }) => {
    await hubAndSpoke(designer);
    await designer.canvas.selectMany(['app-1', 'app-2']);
    await page.keyboard.press('c');
    await designer.expectCounts(5, 5, 3);
    await expect(designer.connectDialog.root).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await designer.expectCounts(5, 4, 3);
  });

  test('Ctrl+A selects every host', async ({ designer, page }) => {
    await hubAndSpoke(designer);
    await designer.canvas.select('hub');
    await page.keyboard.press('Control+a');
    await expect(designer.canvas.selectedHosts()).toHaveCount(5);
  });

  test('Ctrl+C, Ctrl+V: copies with new ids and addresses, selected, and no error finding', async ({ designer, page }) => {
    await hubAndSpoke(designer);
    // Endpoints typed, as a user does after starting from a template: then nothing is wrong.
    await designer.typeEndpoint('hub', 'hub.wg.internal:51820');
    await designer.typeEndpoint('pg-primary', 'pg.wg.internal:51820');
    await expect(designer.findings.errors()).toHaveCount(0);

    await designer.canvas.selectMany(['app-1', 'app-2']);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await designer.expectCounts(7, 4, 3);
    expect(await designer.canvas.hostIds()).toEqual(['app-1', 'app-1-2', 'app-2', 'app-2-2', 'app-3', 'hub', 'pg-primary']);
    await expect(designer.canvas.selectedHosts()).toHaveCount(2);
    await expect(designer.canvas.host('app-1-2')).toHaveClass(/selected/);
    const address = (id: string) => designer.canvas.host(id).locator('.host-node__addr').innerText();
    expect(await address('app-1-2')).not.toBe(await address('app-1'));
    expect(await address('app-2-2')).not.toBe(await address('app-2'));
    await expect(designer.findings.byCode('address-duplicate')).toHaveCount(0);
    await expect(designer.findings.errors()).toHaveCount(0);

    // A second paste lands beside the first, under ids of its own; one Ctrl+Z takes one paste back.
    await page.keyboard.press('Control+v');
    await designer.expectCounts(9, 4, 3);
    await expect(designer.canvas.host('app-1-3')).toBeVisible();
    await page.keyboard.press('Control+z');
    await designer.expectCounts(7, 4, 3);
  });

  test('design JSON pasted from the system clipboard (another tab) comes in as new hosts, its keys left out', async ({ designer }) => {
    await hubAndSpoke(designer);
    const other = {
      format: 'wg-designer/1',
      hosts: [
        { id: 'hub', role: 'gateway', endpoint: '198.51.100.9:51820', publicKey: 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=' },
        { id: 'cache', role: 'db', database: { engine: 'redis', port: 6379 } },
      ],
      tunnels: [{ id: 't-hub-cache', a: 'hub', b: 'cache' }],
    };
    await designer.canvas.pasteText(JSON.stringify(other));
    await designer.expectCounts(7, 5, 3);
    await expect(designer.canvas.host('hub-2')).toHaveClass(/selected/);
    await expect(designer.canvas.host('cache')).toHaveClass(/selected/);
    // The copy gets a keypair of its own from the worker, never the one in the pasted text.
    const keyOf = async (id: string) => (await designer.savedDesign())?.hosts.find((h) => h.id === id)?.publicKey ?? null;
    await expect.poll(() => keyOf('hub-2')).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(await keyOf('hub-2')).not.toBe(other.hosts[0]?.publicKey);
  });

  test('Ctrl+D duplicates the selection with the tunnel between the hosts', async ({ designer, page }) => {
    await hubAndSpoke(designer);
    await designer.canvas.selectMany(['hub', 'app-1']);
    await page.keyboard.press('Control+d');
    await designer.expectCounts(7, 5, 3);
    await expect(designer.canvas.host('hub-2')).toHaveClass(/selected/);
    await expect(designer.canvas.host('app-1-2')).toHaveClass(/selected/);
  });

  test('typing "c" or Ctrl+A in an inspector field edits the text and triggers no shortcut', async ({ designer, page }) => {
    await hubAndSpoke(designer);
    await designer.canvas.select('app-1');
    const name = designer.inspector.field('name');
    await name.click();
    await name.press('End');
    await page.keyboard.type('c');
    await expect(name).toHaveValue('API 1c');
    await expect(designer.connectDialog.root).toHaveCount(0);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Orders');
    await expect(name).toHaveValue('Orders');
    await expect(designer.canvas.selectedHosts()).toHaveCount(1);
    await expect(designer.canvas.host('app-1')).toContainText('Orders');

    // Outside the field the same key is the shortcut again.
    await designer.canvas.select('app-2');
    await page.keyboard.press('c');
    await expect(designer.connectDialog.root).toBeVisible();
  });

  test('the host search dims the hosts it does not match, until it closes', async ({ designer, page }) => {
    await hubAndSpoke(designer);
    await page.keyboard.press('Control+f');
    const search = page.getByTestId('host-search');
    await search.fill('app');
    await expect.poll(() => designer.canvas.dimmedIds()).toEqual(['hub', 'pg-primary']);
    await search.fill('primary');
    await expect.poll(() => designer.canvas.dimmedIds()).toEqual(['app-1', 'app-2', 'app-3', 'hub']);
    await search.press('Escape');
    await expect.poll(() => designer.canvas.dimmedIds()).toEqual([]);
  });
});
