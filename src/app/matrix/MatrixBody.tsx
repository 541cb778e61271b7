import { useMemo, useState } from 'react';
import type { CellExpectation, MatrixCell, ReachabilityMatrix } from '../../engine';
import { matrixCellKey, pluralNoun } from '../../engine';
import { useApp, useAppStoreApi } from '../store/store-context';
import { gridModel, MATRIX_DRAW_CELLS } from './matrix-grid-model';
import { MatrixExplanation } from './MatrixExplanation';
import { MatrixGrid } from './MatrixGrid';

const count = (n: number) => n.toLocaleString('en-US');

interface Props {
  matrix: ReachabilityMatrix;
  expected: ReadonlyMap<string, CellExpectation[]>;
}

/** A walked matrix: the source filter (one row at a time when it is too large to draw), the grid and the explanation. */
export function MatrixBody({ matrix, expected }: Props) {
  const store = useAppStoreApi();
  const picked = useApp((s) => s.matrixCell);
  const [from, setFrom] = useState<string | null>(null);
  const grid = useMemo(() => gridModel(matrix, from), [matrix, from]);
  const pick = useMemo(() => (cell: MatrixCell) => store.getState().pickMatrixCell(cell), [store]);
  const denied = matrix.cells.filter((c) => !c.verdict.reachable).length;
  return (
    <div className="matrix__body">
      <div className="matrix__left">
        <p className="matrix__summary">
          {count(matrix.cells.length)} {pluralNoun(matrix.cells.length, 'cell')}: {count(matrix.cells.length - denied)} reachable,
          {' '}{count(denied)} denied.{' '}
          <label>From{' '}
            <select value={from ?? ''} onChange={(e) => setFrom(e.target.value || null)} data-testid="matrix-from">
              {!grid.oneRow && <option value="">every host</option>}
              {matrix.rows.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
          </label>
          {grid.oneRow && <span className="muted"> Over {MATRIX_DRAW_CELLS.toLocaleString('en-US')} cells: one source host at a time.</span>}
        </p>
        <div className="matrix__scroll">
          <MatrixGrid grid={grid} columns={matrix.columns} expected={expected} picked={picked} onPick={pick} />
        </div>
      </div>
      <MatrixExplanation cell={picked} expected={picked ? expected.get(matrixCellKey(picked)) : undefined} />
    </div>
  );
}
