import { expect, test } from './fixtures/test';

interface SavedFormat {
  tunnels: Array<{ id: string; allowedIPs: { ab: string[] | null; ba: string[] | null } | null }>;
  failover: Array<{ id: string; address: string; primary: string; replica: string }>;
  network: { monitoring: { host: string; exporterPort: number } | null };
}

test.describe('the whole design format in the inspector', () => {
  test('a tunnel shows each AllowedIPs prefix with its reason; pinned, edited with a bad line, fixed and unpinned', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('hub-and-spoke');
    await designer.expectCounts(5, 4, 3);
    const saved = async () => (await designer.savedDesign() as unknown as SavedFormat | null)?.tunnels.find((t) => t.id === 't-hub-pg-primary')?.allowedIPs;

    await designer.canvas.tunnelLabel('t-hub-pg-primary').click();
    const ins = designer.inspector;
    // The hub sends pg-primary its address, for the three app flows; pg-primary sends the hub the app pool and the hub's address.
    await expect(ins.allowedPrefixes('ab')).toHaveCount(1);
    await expect(ins.allowedPrefix('ab', '10.10.0.1/32')).toContainText('pg-primary\'s address');
    await expect(ins.allowedPrefix('ab', '10.10.0.1/32')).toContainText('flows f-app-1-pg-primary, f-app-2-pg-primary, f-app-3-pg-primary to pg-primary');
    await expect(ins.allowedPrefixes('ba')).toHaveCount(2);
    await expect(ins.allowedPrefix('ba', '10.10.1.0/24')).toContainText('the app pool, one entry for the 3 routes inside it');
    await expect(ins.allowedPrefix('ba', '10.10.1.0/24')).toContainText('10.10.1.2/32: flow f-app-2-pg-primary from app-2');
    await expect(ins.allowedPrefix('ba', '10.10.2.1/32')).toContainText('hub\'s address');

    // Pin: the computed lists go into the design, as they were.
    await ins.pinAllowedIPs();
    await expect(ins.pinnedList('ab')).toHaveValue('10.10.0.1/32');
    await expect(ins.pinnedList('ba')).toHaveValue('10.10.1.0/24\n10.10.2.1/32');
    await expect.poll(saved).toEqual({ ab: ['10.10.0.1/32'], ba: ['10.10.1.0/24', '10.10.2.1/32'] });

    // A bad line is named by its number and kept as a draft; the design keeps its last valid list.
    await ins.pinnedList('ba').fill('10.10.1.0/24\nnope\n10.10.2.1/32');
    await expect(ins.errorOf(ins.pinnedList('ba'))).toContainText('line 2: "nope" is not an IPv4 or IPv6 prefix');
    await expect(page.getByTestId('drafts-status')).toHaveText('1 unsaved invalid edit');
    await expect.poll(saved).toEqual({ ab: ['10.10.0.1/32'], ba: ['10.10.1.0/24', '10.10.2.1/32'] });
    await designer.canvas.select('app-1');
    await designer.canvas.tunnelLabel('t-hub-pg-primary').click();
    await expect(ins.pinnedList('ba')).toHaveValue('10.10.1.0/24\nnope\n10.10.2.1/32');

    // Fixed: the list goes in and pg-primary's config carries it.
    await ins.pinnedList('ba').fill('10.10.1.0/24\n10.10.2.1/32\n10.10.9.0/24');
    await expect(page.getByTestId('drafts-status')).toHaveCount(0);
    await expect.poll(saved).toEqual({ ab: ['10.10.0.1/32'], ba: ['10.10.1.0/24', '10.10.2.1/32', '10.10.9.0/24'] });
    await designer.canvas.select('pg-primary');
    await expect(ins.configText()).toContainText('AllowedIPs = 10.10.1.0/24, 10.10.2.1/32, 10.10.9.0/24');

    // Unpin: computed again, with reasons.
    await designer.canvas.tunnelLabel('t-hub-pg-primary').click();
    await ins.unpinAllowedIPs();
    await expect.poll(saved).toBeNull();
    await expect(ins.allowedPrefixes('ba')).toHaveCount(2);
    await expect(ins.allowedPrefix('ba', '10.10.9.0/24')).toHaveCount(0);

    // Unpinning with a bad line in a list drops that draft too: its field is gone, nothing could fix it.
    await ins.pinAllowedIPs();
    await ins.pinnedList('ab').fill('bad');
    await expect(page.getByTestId('drafts-status')).toHaveText('1 unsaved invalid edit');
    await ins.unpinAllowedIPs();
    await expect(page.getByTestId('drafts-status')).toHaveCount(0);
    await expect.poll(saved).toBeNull();
  });

  test('a failover group is added, edited with drafts and messages, undone, and reaches the plan', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('primary-replica');
    await designer.expectCounts(4, 4, 4);
    const groups = async () => (await designer.savedDesign() as unknown as SavedFormat | null)?.failover;
    const ins = designer.inspector;

    await ins.showDesign();
    await expect(ins.failoverGroups()).toHaveCount(0);
    await ins.addFailoverGroup();
    await expect(ins.failoverGroups()).toHaveCount(1);
    // The lowest free address of the database pool (the two databases hold .1 and .2).
    await expect.poll(groups).toEqual([{ id: 'failover-1', address: '10.10.0.3/32', primary: 'pg-primary', replica: 'pg-replica' }]);

    await ins.failoverField(0, 'address').fill('10.10.0');
    await expect(ins.errorOf(ins.failoverField(0, 'address'))).toContainText('must be one address');
    await expect(page.getByTestId('drafts-status')).toHaveText('1 unsaved invalid edit');
    await ins.failoverField(0, 'address').fill('10.10.0.100');
    await expect(page.getByTestId('drafts-status')).toHaveCount(0);
    await ins.failoverField(0, 'id').fill('orders');
    await ins.failoverField(0, 'id').press('Enter');
    await expect.poll(groups).toEqual([{ id: 'orders', address: '10.10.0.100/32', primary: 'pg-primary', replica: 'pg-replica' }]);

    // The replica must be another host: refused with the validator's message, the design unchanged.
    await ins.failoverField(0, 'replica').selectOption('pg-primary');
    await expect(ins.errorOf(ins.failoverField(0, 'replica'))).toContainText('the replica must be another host than the primary');
    await expect.poll(groups).toEqual([{ id: 'orders', address: '10.10.0.100/32', primary: 'pg-primary', replica: 'pg-replica' }]);

    // The plan routes the floating address to the primary: app-1's tunnel to it says so.
    await designer.canvas.tunnelLabel('t-app-1-pg-primary').click();
    // Inside the db pool, with pg-primary's own address: app-1 sends the pool, and says what it stands in for.
    await expect(ins.allowedPrefix('ab', '10.10.0.0/24')).toContainText('10.10.0.100/32: failover address of group orders (held by pg-primary), for flow f-app-1-pg-primary');

    // An ordinary edit: undo takes the group away, redo brings it back.
    await ins.showDesign();
    await ins.root.getByTestId('remove-failover').click();
    await expect(ins.failoverGroups()).toHaveCount(0);
    await expect.poll(groups).toEqual([]);
    await designer.toolbar.button('undo').click();
    await expect(ins.failoverGroups()).toHaveCount(1);
    await expect.poll(groups).toEqual([{ id: 'orders', address: '10.10.0.100/32', primary: 'pg-primary', replica: 'pg-replica' }]);
  });

  test('the monitoring host and its exporter port are set in the design inspector and open the scrape flows', async ({ designer, page }) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('primary-replica');
    await designer.expectCounts(4, 4, 4);
    const monitoring = async () => (await designer.savedDesign() as unknown as SavedFormat | null)?.network.monitoring;
    const ins = designer.inspector;

    await ins.showDesign();
    await ins.field('monitoring-host').selectOption('pg-primary');
    await expect.poll(monitoring).toEqual({ host: 'pg-primary', exporterPort: 9586 });
    await ins.field('monitoring-port').fill('70000');
    await expect(ins.errorOf(ins.field('monitoring-port'))).toBeVisible();
    await expect(page.getByTestId('drafts-status')).toHaveText('1 unsaved invalid edit');
    await ins.field('monitoring-port').fill('9100');
    await expect.poll(monitoring).toEqual({ host: 'pg-primary', exporterPort: 9100 });

    // pg-primary now scrapes app-1: each way of their tunnel carries it, and app-1's firewall lets port 9100 in.
    await designer.canvas.tunnelLabel('t-app-1-pg-primary').click();
    await expect(ins.allowedPrefix('ab', '10.10.0.1/32')).toContainText('monitoring from pg-primary');
    await expect(ins.allowedPrefix('ba', '10.10.1.1/32')).toContainText('monitoring to app-1');
    await designer.canvas.select('app-1');
    await page.getByTestId('tab-nft').click();
    await expect(ins.configText()).toContainText('9100');

    await ins.showDesign();
    await ins.field('monitoring-host').selectOption('');
    await expect.poll(monitoring).toBeNull();
    await expect(ins.field('monitoring-port')).toHaveCount(0);
  });
});
