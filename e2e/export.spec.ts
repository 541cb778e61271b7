import { expect, test } from './fixtures/test';
import { readZip } from './fixtures/zip';

test.describe('export', () => {
  test('the export dialog lists the bundle, previews each file, and downloads a zip with every host\'s files', async ({ designer, page }, info) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('hub-and-spoke');
    await designer.expectCounts(5, 4, 3);
    // Templates come without endpoints: the user types the ones peers dial.
    await designer.typeEndpoint('hub', '198.51.100.1:51820');
    await designer.typeEndpoint('pg-primary', 'pg-primary.db.internal:51820');
    await expect(designer.findings.errors()).toHaveCount(0);
    await designer.toolbar.button('export').click();

    const dialog = page.getByTestId('export-dialog');
    const tree = dialog.getByTestId('file-tree');
    await expect(tree).toContainText('orders-hub-and-spoke/');
    await expect(tree.locator('[data-path="hub/wg0.conf"]')).toBeVisible();
    await expect(tree.locator('[data-path="design.json"]')).toBeVisible();

    // Preview: keys hidden until asked.
    await tree.locator('[data-path="app-1/wg0.conf"]').click();
    const preview = dialog.getByTestId('export-preview');
    await expect(preview).toContainText('[Interface]');
    await expect(preview).toContainText('PrivateKey = (hidden');
    await tree.locator('[data-path="app-1/firewall.nft"]').click();
    await expect(preview).toContainText('table inet wg_designer');

    const download = page.waitForEvent('download');
    await dialog.getByTestId('download-zip').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('orders-hub-and-spoke.zip');
    const path = info.outputPath('bundle.zip');
    await file.saveAs(path);

    const files = readZip(path);
    const names = [...files.keys()];
    for (const host of ['hub', 'pg-primary', 'app-1', 'app-2', 'app-3']) {
      for (const f of ['wg0.conf', 'firewall.nft', 'install.sh']) expect(names).toContain(`orders-hub-and-spoke/${host}/${f}`);
    }
    expect(names).toContain('orders-hub-and-spoke/README.md');
    expect(names).toContain('orders-hub-and-spoke/hub/sysctl.conf');

    const conf = files.get('orders-hub-and-spoke/app-1/wg0.conf') ?? '';
    expect(conf).toMatch(/^PrivateKey = [A-Za-z0-9+/]{43}=$/m);
    expect(conf).toMatch(/^PresharedKey = [A-Za-z0-9+/]{43}=$/m);
    expect(conf).toMatch(/^Endpoint = 198\.51\.100\.1:51820$/m);
    expect(conf).toContain('# Peer hub');

    // The bundle's design.json never holds a private or preshared key.
    const design = JSON.parse(files.get('orders-hub-and-spoke/design.json') ?? '{}') as { hosts: Array<{ privateKey: unknown; publicKey: unknown }>; tunnels: Array<{ presharedKey: unknown }> };
    expect(design.hosts).toHaveLength(5);
    expect(design.hosts.every((h) => h.privateKey === null && typeof h.publicKey === 'string')).toBe(true);
    expect(design.tunnels.every((t) => t.presharedKey === null)).toBe(true);

    // The hub's peers are the keys the other hosts hold: the bundle is consistent.
    const hub = files.get('orders-hub-and-spoke/hub/wg0.conf') ?? '';
    const app1Public = design.hosts.find((_, i) => i === 2)?.publicKey as string;
    expect(hub).toContain(`PublicKey = ${app1Public}`);
  });

  test('the export options choose iptables, QoS and the diagram, keeping the keys, and the zip follows them', async ({ designer, page }, info) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('hub-and-spoke');
    await designer.toolbar.button('export').click();
    const dialog = page.getByTestId('export-dialog');
    const tree = dialog.getByTestId('file-tree');
    const preview = dialog.getByTestId('export-preview');
    // The defaults: nftables, no QoS, the canvas diagram beside the Mermaid source.
    await expect(tree.locator('[data-path="hub/firewall.nft"]')).toBeVisible();
    await expect(tree.locator('[data-path="docs/diagram.svg"]')).toBeVisible();
    await expect(tree.locator('[data-path="hub/qos.sh"]')).toHaveCount(0);
    await dialog.getByLabel('Show keys').check();
    await tree.locator('[data-path="app-1/wg0.conf"]').click();
    const keyLine = async () => (await preview.textContent())?.match(/^PrivateKey = .+$/m)?.[0] ?? '';
    const before = await keyLine();
    expect(before).toMatch(/^PrivateKey = [A-Za-z0-9+/]{43}=$/);

    await dialog.getByTestId('export-firewall').selectOption('iptables');
    await dialog.getByTestId('export-qos').check();
    const rate = dialog.getByTestId('export-qos-rate');
    await rate.fill('12x');
    await expect(dialog.getByRole('alert')).toContainText('Bulk rate must be a whole number of Mbit/s from 1 to 100,000');
    await rate.fill('250');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await dialog.getByTestId('export-diagram').uncheck();

    await expect(tree.locator('[data-path="hub/firewall.iptables"]')).toBeVisible();
    await expect(tree.locator('[data-path="hub/firewall.nft"]')).toHaveCount(0);
    await expect(tree.locator('[data-path="docs/diagram.svg"]')).toHaveCount(0);
    await tree.locator('[data-path="app-1/qos.sh"]').click();
    await expect(preview).toContainText('bulk streams capped at 250 Mbit/s');
    await tree.locator('[data-path="app-1/wg0.conf"]').click();
    expect(await keyLine()).toBe(before);

    const download = page.waitForEvent('download');
    await dialog.getByTestId('download-zip').click();
    const path = info.outputPath('bundle.zip');
    await (await download).saveAs(path);
    const names = [...readZip(path).keys()];
    expect(names).toContain('orders-hub-and-spoke/hub/firewall.iptables');
    expect(names).toContain('orders-hub-and-spoke/app-1/qos.sh');
    expect(names.some((n) => n.endsWith('.nft'))).toBe(false);
    expect(names).not.toContain('orders-hub-and-spoke/docs/diagram.svg');
  });

  test('the diagram downloads as SVG and PNG for documentation', async ({ designer, page }, info) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('site-to-site');
    const svgDownload = page.waitForEvent('download');
    await designer.toolbar.button('svg').click();
    const svg = await svgDownload;
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const svgPath = info.outputPath('diagram.svg');
    await svg.saveAs(svgPath);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(svgPath, 'utf8');
    expect(text).toContain('<svg');
    expect(text).toContain('Cloud VPC gateway');

    const pngDownload = page.waitForEvent('download');
    await designer.toolbar.button('png').click();
    const png = await pngDownload;
    const pngPath = info.outputPath('diagram.png');
    await png.saveAs(pngPath);
    expect([...readFileSync(pngPath).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
