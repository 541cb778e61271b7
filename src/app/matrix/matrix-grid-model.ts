import { matrixCellKey } from '../../engine';
import type { MatrixCell, ReachabilityMatrix } from '../../engine';

/**
 * Cells the view draws at once: each is a button with its own accessible name, and a few thousand of them are as
 * many as a page lays out without a pause. A larger matrix is shown one source host's row at a time.
 */
export const MATRIX_DRAW_CELLS = 2_500;

/** What the grid draws: the rows (all, or one source host's), and each cell by row and column key. */
export interface GridModel {
  rows: string[];
  /** True when the matrix is too large to draw whole: only `from`'s row is drawn. */
  oneRow: boolean;
  cell(from: string, column: { to: string; port: number; proto: MatrixCell['proto'] }): MatrixCell | undefined;
}

/** The grid of a matrix, filtered to one source host when `from` is set or the matrix is over `drawLimit` cells. */
export function gridModel(m: ReachabilityMatrix, from: string | null, drawLimit = MATRIX_DRAW_CELLS): GridModel {
  const byKey = new Map(m.cells.map((c) => [matrixCellKey(c), c]));
  const oneRow = m.cells.length > drawLimit;
  const pick = from ?? (oneRow ? (m.rows[0] ?? null) : null);
  return {
    rows: pick === null ? m.rows : m.rows.filter((r) => r === pick),
    oneRow,
    cell: (row, c) => byKey.get(matrixCellKey({ from: row, ...c })),
  };
}
