import { completeDesign, designMatrix, matrixCsv, matrixTable, seededRandom } from '../../engine';
import { CliError } from '../io';
import { loadDesign } from '../load-design';

/**
 * `matrix design.json [--json|--csv]`: which host reaches which host (and service) on each port in use, and why.
 * Exit 0 whatever the cells say (validate judges the design); 2 for both formats at once or a matrix over the limit.
 */
export function runMatrix(path: string, format: 'table' | 'json' | 'csv', out: (s: string) => void): number {
  const design = loadDesign(path);
  // The walk needs addresses but no keys, as validate does.
  const complete = completeDesign(design, { random: seededRandom(0), keys: false }).design;
  let m;
  try {
    m = designMatrix(complete);
  } catch (e) {
    throw new CliError(`matrix: ${(e as Error).message}: name fewer hosts or ports (tests and flows)`, 2);
  }
  if (format === 'json') out(JSON.stringify({ design: design.name, rows: m.rows, columns: m.columns, cells: m.cells }, null, 2));
  else if (format === 'csv') out(matrixCsv(m));
  else out(matrixTable(m));
  return 0;
}
