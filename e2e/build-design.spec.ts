import { expect, test } from './fixtures/test';

test.describe('building a design by hand', () => {
  test('drag hosts from the palette, connect them, declare a flow, see the live config', async ({ designer, page }) => {
    await designer.open();
    await designer.buildTwoHosts();
    await designer.expectCounts(2, 1, 0);

    // Each new host has an id, an address from its role's pool and (from the worker) a keypair.
    await expect(designer.canvas.host('pg-1')).toContainText('10.10.0.1/32');
    await expect(designer.canvas.host('pg-1')).toContainText('postgresql :5432');
    await expect(designer.canvas.host('app-1')).toContainText('10.10.1.1/32');

    // The tunnel's label shows its MTU and keepalive (the app is dialled by nobody: it keeps the tunnel open).
    await expect(designer.canvas.tunnelLabels().first()).toHaveText(/MTU \d+ · ka app-1 25 s/);

    // Declare "app-1 may reach pg-1 on 5432" from the inspector.
    await designer.canvas.select('app-1');
    await designer.inspector.addFlow('pg-1', 5432);
    await expect(designer.canvas.flowLabels()).toHaveCount(1);
    await expect(designer.canvas.flowLabels().first()).toHaveText('→ tcp/5432');
    await designer.expectCounts(2, 1, 1);
    await expect(designer.findings.byCode('flow-unroutable')).toHaveCount(0);

    // The host's wg0.conf is generated live, its private key masked until asked.
    await designer.canvas.select('pg-1');
    const conf = designer.inspector.configText();
    await expect(conf).toContainText('[Interface]');
    await expect(conf).toContainText('Address = 10.10.0.1/32');
    await expect(conf).toContainText('PrivateKey = (hidden');
    await expect(conf).toContainText('# Peer app-1');
    await page.getByTestId('reveal-key').check();
    await expect(conf).toContainText(/PrivateKey = [A-Za-z0-9+/]{43}=/);
    await page.getByTestId('tab-nft').click();
    await expect(conf).toContainText('table inet wg_designer');
    await expect(conf).toContainText('5432');
  });

  test('flow mode: the same drag between hosts declares a flow, drawn apart from the tunnel', async ({ designer, page }) => {
    await designer.open();
    await designer.buildTwoHosts();
    await page.getByTestId('mode-flow').click();
    await designer.canvas.connect('app-1', 'pg-1', ['bottom', 'bottom']);
    await expect(designer.canvas.flowLabels()).toHaveCount(1);
    await designer.expectCounts(2, 1, 1);
    await expect(designer.canvas.root.locator('.react-flow__edge-flow .flow-path')).toHaveCount(1);
    await expect(designer.canvas.root.locator('.react-flow__edge-tunnel .tunnel-path')).toHaveCount(1);
  });

  test('inspector fields validate as they are typed and keep bad values out of the design', async ({ designer, page }) => {
    await designer.open();
    await designer.palette.dragTo('gateway', { x: 300, y: 200 });
    await designer.canvas.select('gw-1');
    const endpoint = designer.inspector.field('endpoint');
    await endpoint.fill('not an endpoint');
    await expect(designer.inspector.root.locator('.field__error')).toContainText('is not host:port');
    await endpoint.fill('198.51.100.7:51820');
    await expect(designer.inspector.root.locator('.field__error')).toHaveCount(0);
    await expect(designer.inspector.configText()).toContainText('ListenPort = 51820');
    await designer.inspector.field('name').fill('Edge <b>gateway</b>');
    // Names are text, never markup.
    await expect(designer.canvas.host('gw-1').locator('.host-node__name')).toHaveText('Edge <b>gateway</b>');
    await expect(page.locator('.host-node__name b')).toHaveCount(0);
  });
});
