import { useCallback, useRef } from 'react';
import type { CellExpectation, MatrixCell, MatrixColumn } from '../../engine';
import { matrixCellKey } from '../../engine';
import { columnText } from './cell-text';
import { moveFocus } from './grid-keys';
import type { GridModel } from './matrix-grid-model';
import { MatrixCellButton } from './MatrixCellButton';

interface Props {
  grid: GridModel;
  columns: readonly MatrixColumn[];
  expected: ReadonlyMap<string, CellExpectation[]>;
  picked: MatrixCell | null;
  onPick(cell: MatrixCell): void;
}

/** The truth table: a row per source host, a column per target and port; arrow keys move between cells. */
export function MatrixGrid({ grid, columns, expected, picked, onPick }: Props) {
  const table = useRef<HTMLTableElement>(null);
  const pickedKey = picked ? matrixCellKey(picked) : null;
  const first = grid.rows.flatMap((r) => columns.map((c) => grid.cell(r, c))).find((c) => c !== undefined);
  const stop = pickedKey ?? (first ? matrixCellKey(first) : null);
  const onKeyDown = useCallback((e: React.KeyboardEvent) => {
    if (table.current && e.target instanceof HTMLElement && moveFocus(table.current, e.target, e.key)) e.preventDefault();
  }, []);
  return (
    <table className="matrix__grid" ref={table} onKeyDown={onKeyDown} data-testid="matrix-grid">
      <thead>
        <tr>
          <th scope="col" className="matrix__corner">from ╲ to</th>
          {columns.map((c) => <th key={columnText(c)} scope="col" className="matrix__col"><span>{columnText(c)}</span></th>)}
        </tr>
      </thead>
      <tbody>
        {grid.rows.map((r, i) => (
          <tr key={r}>
            <th scope="row" className="matrix__row mono">{r}</th>
            {columns.map((c, j) => {
              const cell = grid.cell(r, c);
              if (!cell) return <td key={columnText(c)} className="matrix-cell--self" aria-label={`${r} to ${columnText(c)}: itself`}>·</td>;
              const key = matrixCellKey(cell);
              return <MatrixCellButton key={key} cell={cell} expected={expected.get(key)} picked={key === pickedKey}
                tabStop={key === stop} row={i} col={j} onPick={onPick} />;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
