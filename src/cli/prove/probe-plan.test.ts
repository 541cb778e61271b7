import { describe, expect, it } from 'vitest';
import { designMatrix } from '../../engine';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import { planProbes } from './probe-plan';

describe('planProbes', () => {
  it('probes every TCP cell of the matrix on the destination\'s overlay address, with one listener per address and port', () => {
    const design = fixtureDesign('hub-and-spoke');
    const m = designMatrix(design);
    const plan = planProbes(design, m);
    expect(plan.cells.map((c) => c.cell)).toEqual(m.cells);
    expect(plan.cells.every((c) => c.skip === null && c.addresses.length === 1)).toBe(true);
    const pg = design.hosts.find((h) => h.id === 'pg-primary');
    const toPg = plan.cells.find((c) => c.cell.from === 'app-1' && c.cell.to === 'pg-primary');
    expect(toPg?.addresses).toEqual([pg?.addresses[0]?.split('/')[0]]);
    // 5 hosts, one port: a listener on each host's address.
    expect(plan.listeners).toHaveLength(5);
  });

  it('reaches a managed database at its lan address, from the lan behind its gateway', () => {
    const design = fixtureDesign('site-to-site');
    const plan = planProbes(design, designMatrix(design));
    const rds = plan.listeners.find((l) => l.site.kind === 'lan');
    expect(rds).toMatchObject({ site: { kind: 'lan', gatewayId: 'gw-vpc' }, port: 5432 });
    const cell = plan.cells.find((c) => c.cell.from === 'app-1' && c.cell.to === 'gw-vpc/orders-rds');
    expect(cell?.addresses).toEqual([rds?.address]);
  });

  it('skips UDP cells and external hosts, saying why, instead of passing them', () => {
    const design = fixtureDesign('hub-and-spoke');
    const m = designMatrix(design);
    const first = m.cells[0];
    if (!first) throw new Error('empty matrix');
    const udp = { ...m, cells: [{ ...first, proto: 'udp' as const }] };
    expect(planProbes(design, udp).cells[0]).toMatchObject({ skip: 'UDP is not probed', addresses: [] });
    const ext = { ...design, hosts: design.hosts.map((h) => (h.id === first.to ? { ...h, external: true } : h)) };
    expect(planProbes(ext, { ...m, cells: [first] }).cells[0]?.skip).toBe(`${first.to} is external (no bundle)`);
  });
});
