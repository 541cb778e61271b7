import { expect, test } from './fixtures/test';

const TEMPLATES: Array<[string, number, number, number]> = [
  ['point-to-point', 2, 1, 1],
  ['hub-and-spoke', 5, 4, 3],
  ['site-to-site', 3, 2, 1],
  ['mesh-3', 3, 3, 3],
  ['primary-replica', 4, 4, 4],
];

test.describe('templates and import', () => {
  test('every template loads laid out; its only errors name the endpoints to fill in', async ({ designer, page }) => {
    await designer.open();
    for (const [i, [id, hosts, tunnels, flows]] of TEMPLATES.entries()) {
      // After the first, each template lands on a design with hosts: the question asks, and replace is the answer.
      await designer.toolbar.startFromTemplate(id, i === 0 ? undefined : 'replace');
      await designer.expectCounts(hosts, tunnels, flows);
      // Templates carry no made-up endpoints: each error asks for one, naming the host and the field.
      const errors = designer.findings.errors();
      await expect(errors.first()).toBeVisible();
      for (const text of await errors.allTextContents()) expect(text).toMatch(/Fill in the endpoint .* of .+: its Endpoint field/);
      // Auto-layout: no two cards on top of each other. The canvas renders only cards in view, and while it glides
      // to the new design one of them may be off screen for a moment: wait until every card is drawn.
      await expect(designer.canvas.hosts()).toHaveCount(hosts);
      const boxes = await designer.canvas.hosts().evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => `${Math.round(r.x)},${Math.round(r.y)}`));
      expect(new Set(boxes).size).toBe(hosts);
    }
    // A template replaces the design in one undoable step.
    await page.keyboard.press('Control+z');
    await designer.expectCounts(3, 3, 3);
  });

  test('dropping wg-quick configs on the canvas imports them as a design', async ({ designer, page }) => {
    await designer.open();
    await designer.canvas.dropFiles(['hub.conf', 'app.conf', 'db.conf']);
    // Three configs, plus one peer whose key no config holds: an external host.
    await expect(page.getByTestId('toast-success')).toContainText('Imported 4 hosts from 3 configs');
    await expect(designer.canvas.hosts()).toHaveCount(4);
    expect(await designer.canvas.hostIds()).toEqual(expect.arrayContaining(['app', 'db', 'hub']));
    await expect(page.getByTestId('notice')).toContainText('hub.conf: PostUp not kept');
    await expect(designer.canvas.tunnelLabels()).not.toHaveCount(0);
    // The imported keys are the hosts' own: the config preview shows the hub's public key to its peers.
    await designer.canvas.select('app');
    await expect(designer.inspector.configText()).toContainText('AllowedIPs');
  });
});
