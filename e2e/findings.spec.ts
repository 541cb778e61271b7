import { expect, test } from './fixtures/test';
import { dataFile, textFile } from './fixtures/files';

test.describe('findings', () => {
  test('a seeded lan overlap shows up, selects its hosts, and its fix button repairs it', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.openFile(dataFile('overlapping-sites.json'));
    await designer.expectCounts(3, 2, 1);

    const finding = designer.findings.byCode('lan-overlap');
    await expect(finding).toHaveCount(1);
    await expect(finding).toContainText('10.50');
    await expect(designer.canvas.host('gw-vpc').locator('.host-node')).toHaveClass(/has-error/);

    // Clicking the finding selects (and centres) the hosts it is about.
    await finding.locator('.finding__main').click();
    await expect(designer.canvas.host('gw-office')).toHaveClass(/selected/);
    await expect(designer.canvas.host('gw-vpc')).toHaveClass(/selected/);

    // Its fix renumbers one site's lan; the finding goes away and nothing else breaks.
    await finding.getByTestId('apply-fix').click();
    await expect(designer.findings.byCode('lan-overlap')).toHaveCount(0);
    await expect(designer.findings.errors()).toHaveCount(0);
    await expect(designer.canvas.host('gw-vpc').locator('.host-node')).not.toHaveClass(/has-error/);
    await expect(page.getByTestId('toast-success').last()).toContainText('Applied');

    // Undo brings the overlap back: a fix is an ordinary edit.
    await page.keyboard.press('Control+z');
    await expect(designer.findings.byCode('lan-overlap')).toHaveCount(1);
  });

  test('a finding about a tunnel turns its edge red', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.openFile(dataFile('overlapping-sites.json'));
    await designer.canvas.root.locator('.react-flow__edge').first().waitFor();
    // Break the office gateway's underlay so the tunnel cannot carry the flow's packets: path and tunnel MTU rules.
    await designer.canvas.select('gw-office');
    await designer.inspector.field('mtu').fill('9000');
    const red = designer.canvas.root.locator('.react-flow__edge-tunnel.is-error .tunnel-path');
    await expect(red.first()).toHaveCSS('stroke', 'rgb(255, 92, 92)');
    await expect(designer.canvas.root.locator('[data-testid="tunnel-label"].is-error').first()).toBeVisible();
    await expect(designer.findings.byCode('mtu-above-tunnel').first()).toBeVisible();
    // Its fix puts the MTU back under the tunnel's, and the edge is no longer red.
    await designer.findings.byCode('mtu-above-tunnel').first().getByTestId('apply-fix').click();
    await expect(designer.findings.byCode('mtu-above-tunnel')).toHaveCount(0);
    await page.keyboard.press('Escape');
  });

  test('a malformed design file says what is wrong and leaves the design alone', async ({ designer, page }) => {
    await designer.open();
    await designer.buildTwoHosts();
    await designer.toolbar.openFile(textFile('broken.json', '{"format":"wg-designer/1","hosts":[{"id":"Bad Id","role":"db"}]}'));
    await expect(page.getByTestId('toast-error')).toContainText('hosts[0].id');
    await expect(page.getByTestId('toast-error')).toContainText('not changed');
    await designer.expectCounts(2, 1, 0);
    await designer.toolbar.openFile(textFile('nonsense.json', 'not json at all'));
    await expect(page.getByTestId('toast-error').last()).toContainText('not valid JSON');
    await designer.expectCounts(2, 1, 0);
  });
});
