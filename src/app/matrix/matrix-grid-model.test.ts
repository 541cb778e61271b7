import { describe, expect, it } from 'vitest';
import type { MatrixCell, ReachabilityMatrix } from '../../engine';
import { gridModel } from './matrix-grid-model';

const deny = { reachable: false, path: null, at: 'a', reason: 'no path' } as const;
const cell = (from: string, to: string): MatrixCell => ({ from, to, port: 5432, proto: 'tcp', verdict: deny });
const m: ReachabilityMatrix = {
  rows: ['a', 'b'],
  columns: [{ to: 'a', port: 5432, proto: 'tcp' }, { to: 'b', port: 5432, proto: 'tcp' }],
  cells: [cell('a', 'b'), cell('b', 'a')],
};

describe('gridModel', () => {
  it('draws every row of a small matrix, each cell found by row and column, none for a host against itself', () => {
    const g = gridModel(m, null);
    expect([g.rows, g.oneRow]).toEqual([['a', 'b'], false]);
    expect(g.cell('a', { to: 'b', port: 5432, proto: 'tcp' })?.from).toBe('a');
    expect(g.cell('a', { to: 'a', port: 5432, proto: 'tcp' })).toBeUndefined();
    expect(g.cell('a', { to: 'b', port: 5432, proto: 'udp' })).toBeUndefined();
  });

  it('draws one source host at a time over the draw limit, the first unless one is picked', () => {
    expect(gridModel(m, null, 1)).toMatchObject({ rows: ['a'], oneRow: true });
    expect(gridModel(m, 'b', 1).rows).toEqual(['b']);
    expect(gridModel(m, 'b').rows).toEqual(['b']);
  });
});
