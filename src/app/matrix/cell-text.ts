import type { CellExpectation, MatrixCell, MatrixColumn } from '../../engine';

/** A column as the matrix heads it: `pg-1:5432`, `pg-1:53/udp`. */
export function columnText(c: MatrixColumn): string {
  return `${c.to}:${c.port}${c.proto === 'udp' ? '/udp' : ''}`;
}

/** The verdict in words: `reachable, admitted at pg-1 by flow f1 (path app-1 → hub → pg-1)` or `denied at pg-1: why`. */
export function verdictText(cell: MatrixCell): string {
  const v = cell.verdict;
  if (!v.reachable) return `denied at ${v.at}: ${v.reason}`;
  const rule = v.viaFlow === null ? 'its firewall' : `the rule of flow ${v.viaFlow}`;
  return `reachable, admitted at ${v.at} by ${rule} (path ${v.path.join(' → ')})`;
}

/** Whether the cell agrees with every test that names it: null when no test does. */
export function meetsTests(cell: MatrixCell, expected: readonly CellExpectation[] | undefined): boolean | null {
  if (!expected || expected.length === 0) return null;
  return expected.every((e) => (e.expect === 'reach') === cell.verdict.reachable);
}

/** What the tests say of the cell, in words: `test tests[0].never[1] expects never: fails`. */
export function testsText(cell: MatrixCell, expected: readonly CellExpectation[] | undefined): string | null {
  if (!expected || expected.length === 0) return null;
  return expected.map((e) => {
    const ok = (e.expect === 'reach') === cell.verdict.reachable;
    return `test ${e.test} expects ${e.expect === 'reach' ? 'reach' : 'never'}: ${ok ? 'passes' : 'fails'}`;
  }).join('; ');
}

/** A cell's accessible name: `app-1 to pg-1:5432: denied at pg-1: its firewall does not accept ...; test ... passes`. */
export function cellLabel(cell: MatrixCell, expected: readonly CellExpectation[] | undefined): string {
  const tests = testsText(cell, expected);
  return `${cell.from} to ${columnText(cell)}: ${verdictText(cell)}${tests ? `; ${tests}` : ''}`;
}
