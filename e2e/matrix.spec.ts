import { readFileSync } from 'node:fs';
import { completeDesign, parseDesignText, seededRandom } from '../src/engine';
import type { Design } from '../src/engine';
import { generateDesign } from '../src/engine/testing/generate-design';
import { textFile } from './fixtures/files';
import { expect, test } from './fixtures/test';

/**
 * hub-and-spoke with the hub's AllowedIPs on pg-primary pinned without app-1's address (10.10.1.1): WireGuard on
 * pg-primary drops app-1's packets, though its flow f-app-1-pg is declared; app-2's still get through. A test says
 * app-1 must reach pg-primary:5432, so that cell fails its test.
 */
function deniedPairDesign(): Design {
  const parsed = parseDesignText(readFileSync(new URL('../src/engine/__fixtures__/hub-and-spoke.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('fixture hub-and-spoke does not parse');
  const d = completeDesign(parsed.value, { random: seededRandom(1), keys: true }).design;
  return {
    ...d,
    tunnels: d.tunnels.map((t) => (t.id === 't-hub-pg' ? { ...t, allowedIPs: { ab: null, ba: ['10.10.2.1/32', '10.10.1.2/32', '10.10.1.3/32'] } } : t)),
    tests: [{ from: 'app-1', reach: ['pg-primary:5432'], never: ['pg-primary:22'] }],
  };
}

test.describe('the reachability matrix', () => {
  test('a denied cell marks the hop and tunnel where the packet stops and names the rule; a reachable one its path', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.openFile(textFile('orders.json', JSON.stringify(deniedPairDesign())));
    await designer.expectCounts(5, 4, 3);
    await designer.matrix.open();

    const denied = designer.matrix.cell('app-1', 'pg-primary', 5432);
    await expect(denied).toHaveAttribute('data-verdict', 'deny');
    await expect(denied).toHaveAttribute('aria-label',
      'app-1 to pg-primary:5432: denied at pg-primary: WireGuard on pg-primary drops it: the source 10.10.1.1 is not in the AllowedIPs of hub; '
      + 'test tests[0].reach[0] expects reach: fails');
    await expect(designer.matrix.cell('app-1', 'pg-primary', 22)).toHaveAttribute('aria-label', /: denied at app-1: .*; test tests\[0\]\.never\[0\] expects never: passes$/);

    await denied.click();
    await expect(denied).toHaveAttribute('aria-pressed', 'true');
    await expect(designer.canvas.host('pg-primary').locator('.host-node')).toHaveClass(/is-matrix-blocked/);
    expect(await designer.canvas.matrixMarked('blocked')).toEqual(['pg-primary']);
    expect(await designer.canvas.matrixMarked('path')).toEqual(['app-1', 'hub']);
    expect(await designer.canvas.matrixMarkedTunnels('blocked')).toEqual(['t-hub-pg']);
    expect(await designer.canvas.matrixMarkedTunnels('path')).toEqual(['t-hub-app-1']);
    const why = designer.matrix.explanation();
    await expect(why).toContainText('Denied at pg-primary: WireGuard on pg-primary drops it: the source 10.10.1.1 is not in the AllowedIPs of hub.');
    await expect(why).toContainText('Path: app-1 → hub → pg-primary');
    await expect(why).toContainText('Test tests[0].reach[0] expects reach: fails.');

    // A reachable cell: its whole path, and nothing blocked.
    await designer.matrix.cell('app-2', 'pg-primary', 5432).click();
    await expect(designer.canvas.host('app-2').locator('.host-node')).toHaveAttribute('data-matrix', 'path');
    expect(await designer.canvas.matrixMarked('path')).toEqual(['app-2', 'hub', 'pg-primary']);
    expect(await designer.canvas.matrixMarked('blocked')).toEqual([]);
    expect(await designer.canvas.matrixMarkedTunnels('path')).toEqual(['t-hub-app-2', 't-hub-pg']);
    expect(await designer.canvas.matrixMarkedTunnels('blocked')).toEqual([]);
    await expect(why).toContainText('Reachable: admitted at pg-primary by the rule of flow f-app-2-pg.');

    // Escape closes the view and takes the marks away.
    await page.keyboard.press('Escape');
    await expect(designer.matrix.root).toHaveCount(0);
    expect(await designer.canvas.matrixMarked('path')).toEqual([]);
  });

  test('is reached from the keyboard: M opens it, arrows move between cells, Enter picks one, Escape closes it', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.openFile(textFile('orders.json', JSON.stringify(deniedPairDesign())));
    await designer.expectCounts(5, 4, 3);
    await designer.canvas.clickEmpty();
    await designer.matrix.open('shortcut');
    await expect(designer.matrix.root).toBeFocused();
    // Tab goes through Recompute, Close and the From filter to the grid's one tab stop.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    const first = page.locator(':focus');
    await expect(first).toHaveAttribute('data-testid', 'matrix-cell');
    const from = await first.getAttribute('data-from');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator(':focus')).not.toHaveAttribute('data-from', from ?? '');
    await page.keyboard.press('Enter');
    await expect(page.locator(':focus')).toHaveAttribute('aria-pressed', 'true');
    await expect(designer.matrix.explanation()).toContainText(/Denied at|Reachable:/);
    await page.keyboard.press('Escape');
    await expect(designer.matrix.root).toHaveCount(0);
    await expect(page.getByTestId('tb-matrix')).toHaveAttribute('aria-pressed', 'false');
  });
});

/** A generated hub-and-spoke design of `hosts` hosts laid out on a grid (40 cards a row), as a saved design has positions. */
function generatedFile(hosts: number) {
  const design = generateDesign({ shape: 'hub-and-spoke', hosts });
  const placed = design.hosts.map((h, i) => ({ ...h, position: { x: (i % 40) * 240, y: Math.floor(i / 40) * 130 } }));
  return textFile(`fleet-${hosts}.json`, JSON.stringify({ ...design, hosts: placed }));
}

test.describe('the reachability matrix of a large design', () => {
  test.setTimeout(120_000);

  test('120 hosts are walked in the worker and shown one source host at a time', async ({ designer }) => {
    await designer.open();
    await designer.toolbar.openFile(generatedFile(120));
    await expect(designer.status()).toContainText('120 hosts');
    await designer.matrix.open();
    const summary = designer.matrix.root.locator('.matrix__summary');
    await expect(summary).toContainText('14,280 cells');
    await expect(summary).toContainText('one source host at a time');
    await expect(designer.matrix.root.locator('[data-testid="matrix-grid"] tbody tr')).toHaveCount(1);
    await designer.matrix.root.getByTestId('matrix-from').selectOption('app-0');
    await expect(designer.matrix.root.locator('tbody th')).toHaveText('app-0');
    await designer.matrix.root.locator('[data-testid="matrix-cell"][data-verdict="reach"]').first().click();
    await expect(designer.matrix.explanation()).toContainText('Reachable: admitted at');
    await expect.poll(async () => (await designer.canvas.matrixMarked('path')).includes('app-0')).toBe(true);
    expect(await designer.canvas.matrixMarked('blocked')).toEqual([]);
  });

  test('1,000 hosts are over the cell limit: the view says so, with the size', async ({ designer }) => {
    await designer.open();
    await designer.toolbar.openFile(generatedFile(1000));
    await expect(designer.status()).toContainText('1000 hosts');
    await designer.page.getByTestId('tb-matrix').click();
    await expect(designer.matrix.root.getByTestId('matrix-too-large')).toContainText('would have 1,000,000 cells (1,000 hosts', { timeout: 30_000 });
    await expect(designer.matrix.root.getByTestId('matrix-grid')).toHaveCount(0);
  });
});
