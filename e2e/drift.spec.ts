import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPlan, completeDesign, parseDesignText, seededRandom } from '../src/engine';
import type { Design } from '../src/engine';
import { collectedFleet } from '../src/engine/testing/collected-host';
import { textFile } from './fixtures/files';
import { expect, test } from './fixtures/test';

// hub-and-spoke with seeded keys: the page holds the same public keys, so the collected folders built here from its
// plan are what collect.sh would write on a network deployed from this design.
const design = seededFixture('hub-and-spoke');
const plan = buildPlan(design);
const NOW = 1_900_000_000;
const STRANGER = `${'S'.repeat(42)}A=`;
const hubToPg = plan.byId.get('hub')?.peers.find((p) => p.hostId === 'pg-primary');

/** The fleet as collected, after the hub lost its pg-primary peer and app-1 gained a peer no design host has. */
const drifted = collectedFleet(plan, NOW, {
  hub: { peers: (lines) => lines.filter((l) => !l.includes(hubToPg?.publicKey ?? '-')) },
  'app-1': { peers: (lines) => [...lines, ['wg0', STRANGER, '(none)', '(none)', '10.99.0.1/32', '0', '0', '0', 'off'].join('\t')] },
});

/** A fixture completed with seeded keys (the fixtures' index imports JSON, which Playwright's loader refuses). */
function seededFixture(name: string): Design {
  const parsed = parseDesignText(readFileSync(new URL(`../src/engine/__fixtures__/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`fixture ${name} does not parse`);
  return completeDesign(parsed.value, { random: seededRandom(1), keys: true }).design;
}

test.describe('comparing the running network', () => {
  test('a dropped collected folder marks the tunnel missing live and the host with a peer the design does not know', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.openFile(textFile('orders.json', JSON.stringify(design)));
    await designer.expectCounts(5, 4, design.flows.length);
    await expect(designer.canvas.tunnelEdge('t-hub-pg')).not.toHaveClass(/is-error/);

    await designer.canvas.dropFolder('collected', drifted);
    await expect(page.getByTestId('toast-info').last()).toContainText('2 differences between collected/ (5 hosts) and the design');
    const missing = designer.findings.byCode('drift-peer-missing');
    await expect(missing).toHaveCount(1);
    await expect(missing).toContainText(`Live: hub peer pg-primary (tunnel t-hub-pg): peer-missing: expected peer pg-primary (${hubToPg?.publicKey})`);
    await expect(designer.canvas.tunnelEdge('t-hub-pg')).toHaveClass(/is-error/);
    await expect(designer.canvas.tunnelEdge('t-hub-app-1')).not.toHaveClass(/is-error/);
    const unknown = designer.findings.byCode('drift-peer-unknown');
    await expect(unknown).toContainText(`app-1: peer-unknown: expected nothing; live peer ${STRANGER} allowed ips 10.99.0.1/32`);
    await expect(designer.canvas.host('app-1').locator('.host-node')).toHaveClass(/has-error/);
    await expect(designer.findings.errors()).toHaveCount(2);

    // Clicking it selects the tunnel; Clear takes the comparison away and the tunnel is as the design says again.
    await missing.locator('.finding__main').click();
    await expect(designer.canvas.tunnelEdge('t-hub-pg')).toHaveClass(/selected/);
    await page.getByTestId('clear-live').click();
    await expect(designer.findings.byCode('drift-peer-missing')).toHaveCount(0);
    await expect(designer.canvas.tunnelEdge('t-hub-pg')).not.toHaveClass(/is-error/);
  });

  test('the findings panel\'s picker takes the folder too, and a damaged file is named with its line', async ({ designer, page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'wgd-drift-e2e-'));
    try {
      await designer.open();
      await designer.toolbar.openFile(textFile('orders.json', JSON.stringify(design)));
      await designer.expectCounts(5, 4, design.flows.length);
      const clean = collectedFleet(plan, NOW);
      for (const [host, files] of Object.entries(clean)) {
        mkdirSync(join(dir, 'collected', host), { recursive: true });
        for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'collected', host, name), text);
      }
      await designer.findings.compareLive(join(dir, 'collected'));
      await expect(page.getByTestId('toast-success').last()).toContainText('No drift: collected/ (5 hosts) matches the design.');
      await expect(page.getByTestId('findings-live')).toContainText('collected/ (5 hosts)');

      await designer.canvas.dropFolder('collected', { ...clean, hub: { ...clean.hub, 'wg-dump.txt': 'wg0\tbroken\n' } });
      await expect(page.getByTestId('toast-error').last()).toContainText('Live comparison failed: hub/wg-dump.txt line 1: 2 tab-separated columns');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
