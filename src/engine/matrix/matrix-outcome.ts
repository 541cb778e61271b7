import type { Design } from '../model/design';
import { ruleContext } from '../validate/validate-design';
import { testExpectations } from './matrix-expectations';
import type { CellExpectation } from './matrix-expectations';
import { MATRIX_CELL_LIMIT, matrixAxes, reachabilityMatrix } from './reachability-matrix';
import type { ReachabilityMatrix } from './reachability-matrix';

/**
 * The designer's matrix of a design: the matrix with what the tests expect of its cells, or its size when it is over
 * the limit (counted before any walk). Plain data (arrays, a Map), so it crosses postMessage from the engine worker.
 */
export type MatrixOutcome =
  | { kind: 'matrix'; matrix: ReachabilityMatrix; expected: Map<string, CellExpectation[]> }
  | { kind: 'too-large'; cells: number; rows: number; columns: number; limit: number };

/** Plans the design once and walks every cell of its matrix, unless the matrix would exceed `limit` cells. */
export function matrixOutcome(design: Design, limit: number = MATRIX_CELL_LIMIT): MatrixOutcome {
  const ctx = ruleContext(design);
  const { rows, columns, cellCount } = matrixAxes(ctx);
  if (cellCount > limit) return { kind: 'too-large', cells: cellCount, rows: rows.length, columns: columns.length, limit };
  return { kind: 'matrix', matrix: reachabilityMatrix(ctx, limit), expected: testExpectations(design) };
}
