import { memo } from 'react';
import type { CellExpectation, MatrixCell } from '../../engine';
import { cellLabel, meetsTests } from './cell-text';

interface Props {
  cell: MatrixCell;
  expected: readonly CellExpectation[] | undefined;
  picked: boolean;
  /** The one cell Tab stops at (roving tabindex): arrow keys move between the others. */
  tabStop: boolean;
  row: number;
  col: number;
  onPick(cell: MatrixCell): void;
}

/** One cell: ✓ reachable or ✗ denied, ringed when a test names it (red when the test fails); its name says why. */
function MatrixCellButtonView({ cell, expected, picked, tabStop, row, col, onPick }: Props) {
  const tests = meetsTests(cell, expected);
  const classes = ['matrix-cell', cell.verdict.reachable ? 'is-reach' : 'is-deny', picked ? 'is-picked' : '',
    tests === null ? '' : tests ? 'is-test-pass' : 'is-test-fail'];
  return (
    <td>
      <button type="button" className={classes.join(' ')} aria-label={cellLabel(cell, expected)} aria-pressed={picked}
        tabIndex={tabStop ? 0 : -1} data-row={row} data-col={col} data-testid="matrix-cell"
        data-from={cell.from} data-to={cell.to} data-port={cell.port} data-proto={cell.proto}
        data-verdict={cell.verdict.reachable ? 'reach' : 'deny'} onClick={() => onPick(cell)}>
        {cell.verdict.reachable ? '✓' : '✗'}{tests === false ? '!' : ''}
      </button>
    </td>
  );
}

export const MatrixCellButton = memo(MatrixCellButtonView);
