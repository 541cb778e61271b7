import type { CellExpectation, MatrixCell } from '../../engine';
import { columnText, testsText } from './cell-text';

/** The picked cell in words beside the grid: the pair, the verdict, the hop and the rule, and what the tests say. */
export function MatrixExplanation({ cell, expected }: { cell: MatrixCell | null; expected: readonly CellExpectation[] | undefined }) {
  if (!cell) {
    return <div className="matrix__why muted" data-testid="matrix-explanation">Pick a cell: the canvas marks its path, or the hop where it stops, and why shows here.</div>;
  }
  const v = cell.verdict;
  const tests = testsText(cell, expected);
  return (
    <div className="matrix__why" data-testid="matrix-explanation" aria-live="polite">
      <h3 className="matrix__pair mono">{cell.from} → {columnText(cell)}</h3>
      {v.reachable ? <>
        <p className="matrix__verdict is-reach">Reachable: admitted at <b className="mono">{v.at}</b> by {v.viaFlow === null ? 'its firewall' : <>the rule of flow <b className="mono">{v.viaFlow}</b></>}.</p>
        <p>Path: <span className="mono">{v.path.join(' → ')}</span></p>
      </> : <>
        <p className="matrix__verdict is-deny">Denied at <b className="mono">{v.at}</b>: {v.reason}.</p>
        {v.path && <p>Path: <span className="mono">{v.path.join(' → ')}</span></p>}
      </>}
      {tests && <p className="matrix__tests">{tests[0]?.toUpperCase()}{tests.slice(1)}.</p>}
    </div>
  );
}
