import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../testing/design-builder';
import { ruleContext } from '../validate/validate-design';
import { matrixCsv, matrixTable } from './matrix-text';
import { designMatrix, matrixAxes, reachabilityMatrix } from './reachability-matrix';

const design = () => sketchDesign({
  hosts: [
    { id: 'hub', role: 'gateway', endpoint: ep(1), lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.5.20', port: 5432 }] },
    { id: 'pg', role: 'db', endpoint: ep(2) },
    { id: 'app-1' },
  ],
  tunnels: [['hub', 'pg'], ['hub', 'app-1']],
  flows: [{ from: 'app-1', to: 'pg' }],
  tests: [{ from: 'app-1', never: ['pg:22'] }],
});

describe('reachabilityMatrix', () => {
  it('probes every ordered pair on the ports in use (flows, tests, services, databases), itself left out', () => {
    const m = designMatrix(design());
    expect(m.rows).toEqual(['hub', 'pg', 'app-1']);
    expect(m.columns.map((c) => `${c.to}:${c.port}`)).toEqual(['hub:22', 'hub:5432', 'hub/rds:22', 'hub/rds:5432', 'pg:22', 'pg:5432', 'app-1:22', 'app-1:5432']);
    // 3 rows x 8 columns, less hub against its own 4 columns, pg's 2 and app-1's 2.
    expect(m.cells).toHaveLength(16);
    const reachable = m.cells.filter((c) => c.verdict.reachable).map((c) => `${c.from} -> ${c.to}:${c.port}`);
    expect(reachable).toEqual(['app-1 -> pg:5432']);
  });

  it('says why: the admitting flow and path, or the hop that stops it', () => {
    const m = designMatrix(design());
    const cell = (from: string, to: string, port: number) => m.cells.find((c) => c.from === from && c.to === to && c.port === port)?.verdict;
    expect(cell('app-1', 'pg', 5432)).toEqual({ reachable: true, path: ['app-1', 'hub', 'pg'], at: 'pg', viaFlow: 'f-app-1-pg' });
    expect(cell('app-1', 'pg', 22)).toEqual({
      reachable: false, path: ['app-1', 'hub', 'pg'], at: 'app-1', reason: 'its firewall does not let it open tcp/22 to 10.10.0.1 on the tunnel',
    });
  });

  it('refuses a matrix over the limit, naming its size, before walking', () => {
    const ctx = ruleContext(design());
    expect(matrixAxes(ctx).cellCount).toBe(24);
    expect(() => reachabilityMatrix(ctx, 20)).toThrow('the matrix would have 24 cells (3 hosts x 8 columns); the limit is 20');
  });

  it('prints a truth table and a CSV line per cell', () => {
    const m = designMatrix(design());
    const table = matrixTable(m).split('\n');
    expect(table[0]).toMatch(/^from +hub:22 +hub:5432 +hub\/rds:22 +hub\/rds:5432 +pg:22 +pg:5432 +app-1:22 +app-1:5432$/);
    expect(table[3]?.replace(/ +/g, ' ')).toBe('app-1 ✗ ✗ ✗ ✗ ✗ ✓ · ·');
    const csv = matrixCsv(m).split('\r\n');
    expect(csv[0]).toBe('from,to,port,proto,verdict,at,why');
    expect(csv).toContain('app-1,pg,5432,tcp,reach,pg,flow f-app-1-pg');
    expect(csv).toContain('app-1,pg,22,tcp,deny,app-1,its firewall does not let it open tcp/22 to 10.10.0.1 on the tunnel');
  });
});
