import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../testing/design-builder';
import { matrixCellKey, testExpectations } from './matrix-expectations';
import { matrixOutcome } from './matrix-outcome';

const design = () => sketchDesign({
  hosts: [
    { id: 'hub', role: 'gateway', endpoint: ep(1), lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.5.20', port: 5432 }] },
    { id: 'pg', role: 'db', endpoint: ep(2) },
    { id: 'app-1' },
  ],
  tunnels: [['hub', 'pg'], ['hub', 'app-1']],
  flows: [{ from: 'app-1', to: 'pg' }],
  tests: [{ from: 'app-1', reach: ['pg:5432'], never: ['pg:22', 'hub/rds:5432'] }, { from: '*', never: ['role:db:5432'] }],
});

describe('testExpectations', () => {
  it('names each pair an entry covers, by cell key, a host never against itself', () => {
    const e = testExpectations(design());
    expect(e.get('app-1 pg:5432/tcp')).toEqual([{ expect: 'reach', test: 'tests[0].reach[0]' }, { expect: 'never', test: 'tests[1].never[0]' }]);
    expect(e.get('app-1 pg:22/tcp')).toEqual([{ expect: 'never', test: 'tests[0].never[0]' }]);
    expect(e.get('app-1 hub/rds:5432/tcp')).toEqual([{ expect: 'never', test: 'tests[0].never[1]' }]);
    expect(e.get('hub pg:5432/tcp')).toEqual([{ expect: 'never', test: 'tests[1].never[0]' }]);
    expect(e.has('pg pg:5432/tcp')).toBe(false);
    expect(e.size).toBe(4);
  });

  it('is empty without tests', () => {
    expect(testExpectations({ ...design(), tests: [] }).size).toBe(0);
  });
});

describe('matrixOutcome', () => {
  it('gives the matrix and the expectations, keyed as its cells', () => {
    const out = matrixOutcome(design());
    if (out.kind !== 'matrix') throw new Error('expected a matrix');
    expect(out.matrix.cells.filter((c) => out.expected.has(matrixCellKey(c)))).toHaveLength(4);
    expect(structuredClone(out)).toEqual(out);
  });

  it('counts a matrix over the limit without walking it', () => {
    expect(matrixOutcome(design(), 20)).toEqual({ kind: 'too-large', cells: 24, rows: 3, columns: 8, limit: 20 });
  });
});
