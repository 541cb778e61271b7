import { generateDesign } from '../src/engine/testing/generate-design';
import { textFile } from './fixtures/files';
import { expect, test } from './fixtures/test';

/** A generated hub-and-spoke design laid out on a grid (40 cards a row), as a saved design has positions. */
function gridDesign(hosts: number, edit: (d: ReturnType<typeof generateDesign>) => ReturnType<typeof generateDesign> = (d) => d) {
  const design = edit(generateDesign({ shape: 'hub-and-spoke', hosts }));
  return { ...design, hosts: design.hosts.map((h, i) => ({ ...h, position: { x: (i % 40) * 240, y: Math.floor(i / 40) * 130 } })) };
}

const designFile = (name: string, design: unknown) => textFile(name, JSON.stringify(design));

test.describe('the view of a large design', () => {
  test.setTimeout(180_000);

  test('opening a 1,001-host design after another one, and laying it out, fits all of it in view', async ({ designer }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('hub-and-spoke');
    await expect(designer.canvas.hosts().first()).toBeVisible();
    await designer.toolbar.openFile(designFile('fleet.json', gridDesign(1001)));
    // The design has hosts, so Open asks first (no-lost-input.spec.ts covers the question itself).
    await designer.page.getByTestId('import-replace').click();
    await designer.expectCounts(1001, 1000, 950);
    await designer.canvas.expectAllInView(1001);

    // Laid out in a worker: the button says it is working, then the new layout is fitted.
    await designer.toolbar.button('layout').click();
    await expect(designer.toolbar.button('layout')).toHaveAttribute('aria-busy', 'true');
    await expect(designer.toolbar.button('layout')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
    await designer.canvas.expectAllInView(1001);

    // Zoomed in, Fit View (the controls) brings every card back.
    for (let i = 0; i < 12; i++) await designer.canvas.root.locator('.react-flow__controls-zoomin').click();
    await expect.poll(() => designer.canvas.zoom()).toBeGreaterThan(0.3);
    await designer.canvas.fitView();
    await designer.canvas.expectAllInView(1001);

    // Undo of the layout puts the grid back, in view.
    await designer.page.keyboard.press('Control+z');
    await designer.canvas.expectAllInView(1001);
  });

  test('search finds app-173 among 250 hosts: selected, and the canvas moves to it', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.openFile(designFile('fleet-250.json', gridDesign(250)));
    await designer.expectCounts(250, 249, 236);
    await page.keyboard.press('Control+f');
    const search = page.getByTestId('host-search');
    await expect(search).toBeFocused();
    await search.fill('app-173');
    await expect(page.getByTestId('search-result').first()).toContainText('app-173');
    await search.press('Enter');
    await expect(designer.canvas.host('app-173')).toHaveClass(/selected/);
    await expect.poll(() => designer.canvas.inView('app-173')).toBe(true);
    await expect(designer.inspector.root).toContainText('app-173');
  });

  test('dragging the hub of 250 hosts draws its tunnels straight until the drop, then routed again', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.openFile(designFile('fleet-250.json', gridDesign(250)));
    await designer.expectCounts(250, 249, 236);
    const tunnels = designer.canvas.root.locator('.tunnel-path');
    const curved = () => tunnels.evaluateAll((ps) => ps.filter((p) => (p.getAttribute('d') ?? '').includes('Q')).length);
    await expect.poll(curved).toBeGreaterThan(0);
    const box = await designer.canvas.host('hub').boundingBox();
    if (!box) throw new Error('the hub is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 6 });
    // Mid-drag every tunnel is one straight segment from React Flow's end points: no layout runs per frame.
    await expect.poll(curved).toBe(0);
    expect(await tunnels.count()).toBeGreaterThan(100);
    await page.mouse.up();
    await expect.poll(curved).toBeGreaterThan(0);
  });
});

test.describe('toasts', () => {
  test('at most two, and none over a finding\'s fix button or the inspector', async ({ designer, page }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await designer.open();
    // Twelve spokes with an MTU above their tunnel's: a finding with a fix button each.
    const design = gridDesign(14, (d) => ({ ...d, hosts: d.hosts.map((h) => (h.id.startsWith('app-') ? { ...h, mtu: 9000 } : h)) }));
    await designer.toolbar.openFile(designFile('spokes.json', design));
    await expect(designer.findings.root.getByTestId('apply-fix').first()).toBeVisible({ timeout: 20_000 });
    // Four files that are not designs: four error toasts (errors stay until dismissed).
    for (let i = 0; i < 4; i++) await designer.toolbar.openFile(textFile(`broken-${i}.json`, '{"format": "wg-designer/1", "hosts": 7}'));
    const toasts = page.locator('.toast');
    await expect(toasts).toHaveCount(2);
    const fixes = await designer.findings.root.getByTestId('apply-fix').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    const inspector = await designer.inspector.root.boundingBox();
    expect(fixes.length).toBeGreaterThan(0);
    for (const t of await toasts.all()) {
      const box = await t.boundingBox();
      expect(box).not.toBeNull();
      if (!box || !inspector) continue;
      for (const f of fixes) expect(overlaps(box, { x: f.x, y: f.y, width: f.width, height: f.height }), 'toast over a fix button').toBe(false);
      expect(overlaps(box, inspector), 'toast over the inspector').toBe(false);
    }
  });
});

test.describe('adding hosts from the palette', () => {
  test('the first host dropped on an empty canvas lands at the pointer', async ({ designer, page }) => {
    await designer.open();
    const canvas = await designer.canvas.root.boundingBox();
    if (!canvas) throw new Error('canvas not visible');
    const drop = { x: 160, y: 140 };
    await designer.palette.dragTo('postgresql', drop);
    await expect(designer.canvas.host('pg-1')).toBeVisible();
    // Wait out any view animation, then the card's centre must sit under the drop point.
    await expect.poll(async () => {
      const b = await designer.canvas.host('pg-1').boundingBox();
      return b ? Math.round(Math.hypot(b.x + b.width / 2 - (canvas.x + drop.x), b.y + b.height / 2 - (canvas.y + drop.y))) : null;
    }).toBeLessThanOrEqual(8);
    // In flow coordinates too: the saved position is the drop point, less half a card (210 x 96).
    const flowDrop = await designer.canvas.toFlow({ x: canvas.x + drop.x, y: canvas.y + drop.y });
    await expect.poll(async () => {
      const saved = (await designer.savedDesign())?.hosts.find((h) => h.id === 'pg-1') as { position?: { x: number; y: number } } | undefined;
      return saved?.position ? Math.round(Math.hypot(saved.position.x + 105 - flowDrop.x, saved.position.y + 48 - flowDrop.y)) : null;
    }).toBeLessThanOrEqual(2);
    // And a second one too.
    await designer.palette.dragTo('app', { x: 520, y: 380 });
    const b = await designer.canvas.host('app-1').boundingBox();
    expect(b && Math.hypot(b.x + b.width / 2 - (canvas.x + 520), b.y + b.height / 2 - (canvas.y + 380))).toBeLessThanOrEqual(8);
    await expect(page.locator('.react-flow__node')).toHaveCount(2);
  });

  test('click to add three times puts three cards side by side, not stacked', async ({ designer }) => {
    await designer.open();
    for (let i = 0; i < 3; i++) await designer.palette.item('app').click();
    await expect(designer.canvas.hosts()).toHaveCount(3);
    const boxes = await designer.canvas.hosts().evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a && b) expect(overlaps(a, b), `card ${i} overlaps card ${j}`).toBe(false);
      }
    }
  });
});

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
