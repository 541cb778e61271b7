import { configFile, dataFile, textFile } from './fixtures/files';
import { expect, test } from './fixtures/test';

test.describe('import, new, templates and links ask before they replace a design', () => {
  test('Import takes two configs and a design JSON at once; over a design with hosts it asks first', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('point-to-point');
    await designer.expectCounts(2, 1, 1);
    const files = [configFile('app.conf'), configFile('db.conf'), dataFile('overlapping-sites.json')];

    await designer.toolbar.importFiles(files);
    await expect(designer.question.root).toContainText('Import into this design?');
    await expect(designer.question.lead()).toContainText('has 2 hosts');
    await expect(designer.question.lead()).toContainText('overlapping-sites.json and 2 configs');
    await designer.question.answer('cancel');
    await expect(designer.question.root).toHaveCount(0);
    await designer.expectCounts(2, 1, 1);

    await designer.toolbar.importFiles(files, 'shortcut');
    await designer.question.answer('replace');
    await expect(page.getByTestId('toast-success').filter({ hasText: 'Imported' })).toContainText(/Imported 6 hosts from overlapping-sites.json and 2 configs/);
    // The design file's hosts and the configs' hosts, one design.
    await expect.poll(async () => (await designer.savedDesign())?.hosts.map((h) => h.id)).toEqual(expect.arrayContaining(['app-1', 'gw-office', 'gw-vpc', 'app', 'db']));
    await designer.expectCounts(6, 4, 1);
    // Ctrl+Z brings the template back.
    await page.keyboard.press('Control+z');
    await designer.expectCounts(2, 1, 1);
  });

  test('a file that cannot be read is named with its line, and nothing changes', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('point-to-point');
    const broken = textFile('broken.conf', '[Interface]\nPrivateKey = EEAFip+dqv/ZLn3wCkOB3l+v8j2mmcals2g66bRx5kI=\nListenPort = many\n', 'text/plain');
    await designer.toolbar.importFiles([configFile('app.conf'), broken, textFile('old.json', '{"format":"nope"}')]);
    const error = page.getByTestId('toast-error');
    await expect(error).toContainText('broken.conf line 3: ListenPort');
    await expect(error).toContainText('old.json is not a valid wg-designer design');
    await expect(error).toContainText('The current design was not changed');
    await expect(designer.question.root).toHaveCount(0);
    await designer.expectCounts(2, 1, 1);
  });

  test('New makes a blank design, asking first over one with hosts; undo brings it back', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('hub-and-spoke');
    await designer.expectCounts(5, 4, 3);

    await designer.toolbar.button('new').click();
    await expect(designer.question.lead()).toHaveText('Replace the current design (5 hosts) with a blank one?');
    await expect(designer.question.choice('merge')).toHaveCount(0);
    await designer.question.answer('cancel');
    await designer.expectCounts(5, 4, 3);

    await designer.toolbar.button('new').click();
    await designer.question.answer('replace');
    await designer.expectCounts(0, 0, 0);
    await expect(designer.canvas.hosts()).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await designer.expectCounts(5, 4, 3);
  });

  test('a template over a design with hosts asks: cancel keeps it, merge adds, replace replaces', async ({ designer }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('point-to-point');
    await expect(designer.question.root).toHaveCount(0);
    await designer.expectCounts(2, 1, 1);

    await designer.toolbar.startFromTemplate('mesh-3');
    await expect(designer.question.root).toContainText('Start from this template?');
    await expect(designer.question.lead()).toContainText('has 2 hosts. The template “');
    await designer.question.answer('cancel');
    await designer.expectCounts(2, 1, 1);

    await designer.toolbar.startFromTemplate('mesh-3', 'merge');
    await designer.expectCounts(5, 4, 4);
    await designer.toolbar.startFromTemplate('mesh-3', 'replace');
    await designer.expectCounts(3, 3, 3);
  });

  test('a share link opened over a different design asks: keep this design, or open the link', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('hub-and-spoke');
    const link = await designer.toolbar.shareLink();
    await page.keyboard.press('Escape');
    const path = link.replace(new URL(link).origin, '');
    await designer.toolbar.startFromTemplate('point-to-point', 'replace');
    await designer.expectCounts(2, 1, 1);

    // Pasted into the address bar of the open designer (only the fragment changes).
    await page.goto(path);
    await expect(designer.question.root).toContainText('Open this share link?');
    await expect(designer.question.lead()).toContainText('(2 hosts). The link holds');
    await expect(designer.question.lead()).toContainText('(5 hosts)');
    await expect(designer.question.choice('cancel')).toHaveText('Keep this design');
    await designer.question.answer('cancel');
    await designer.expectCounts(2, 1, 1);
    expect(new URL(page.url()).hash).toBe('');

    // Opened in a fresh load of the page, over the autosaved design: asked too, and keeping it keeps it saved.
    await page.goto('about:blank');
    await designer.open(path);
    await expect(designer.question.lead()).toContainText('(5 hosts)');
    await designer.question.answer('cancel');
    await designer.expectCounts(2, 1, 1);
    await page.reload();
    await designer.expectCounts(2, 1, 1);

    // Open: the link's design, with the note that it holds no private keys.
    await page.goto(path);
    await designer.question.answer('replace');
    await designer.expectCounts(5, 4, 3);
    await expect(page.getByTestId('notice')).toContainText('never holds private keys');
  });
});

test.describe('a small screen', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test('the toolbar is one row of one-line labels, and folding the panels widens the canvas', async ({ designer, page }) => {
    await designer.open();
    const bar = await designer.toolbar.layout();
    expect(bar.lines, 'button labels that wrap').toEqual([]);
    expect(bar.clipped, 'buttons cut off at the right edge').toEqual([]);
    expect(bar.rows).toBe(1);

    const before = await designer.canvas.root.boundingBox();
    for (const panel of ['palette', 'inspector', 'findings'] as const) {
      await expect(designer.panels.toggle(panel)).toHaveAttribute('aria-expanded', 'true');
      await designer.panels.fold(panel);
      await expect(designer.panels.toggle(panel)).toHaveAttribute('aria-expanded', 'false');
    }
    await expect(page.getByTestId('palette-postgresql')).toHaveCount(0);
    const folded = await designer.canvas.root.boundingBox();
    if (!before || !folded) throw new Error('canvas not visible');
    // The palette (190 px) and the inspector (320 px) become 30 px strips; the findings (190 px high) one too.
    expect(folded.width - before.width).toBeGreaterThan(400);
    expect(folded.height - before.height).toBeGreaterThan(140);

    // Remembered in the settings: a reload keeps them folded. Opening one gives its room back.
    await page.reload();
    await expect(designer.panels.toggle('inspector')).toHaveAttribute('aria-expanded', 'false');
    await designer.panels.fold('inspector');
    await expect(designer.panels.toggle('inspector')).toHaveAttribute('aria-expanded', 'true');
    await expect(designer.inspector.root).toBeVisible();
    await expect.poll(async () => (await designer.canvas.root.boundingBox())?.width).toBeLessThan(folded.width - 250);
  });
});
