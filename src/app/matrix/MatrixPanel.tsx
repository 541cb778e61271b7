import { useEffect, useRef } from 'react';
import { MATRIX_CELL_LIMIT } from '../../engine';
import { selectDesign } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { MatrixBody } from './MatrixBody';

/**
 * The reachability matrix under the canvas (issue 24): who reaches which host and port, and why. Not a modal: the
 * canvas stays in view to show the path or the blocking hop of the cell picked. Escape (or ✕) closes it; focus goes
 * into it on opening and back where it was on closing.
 */
export function MatrixPanel() {
  const view = useApp((s) => s.matrixView);
  const stale = useApp((s) => s.matrixView !== null && s.matrixView.design !== selectDesign(s));
  const store = useAppStoreApi();
  const box = useRef<HTMLElement>(null);
  const open = view !== null;
  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement as HTMLElement | null;
    box.current?.focus();
    return () => previous?.focus?.();
  }, [open]);
  if (!view) return null;
  const close = () => store.getState().closeMatrix();
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    close();
  };
  return (
    <section className="matrix" aria-label="Reachability matrix" ref={box} tabIndex={-1} onKeyDown={onKeyDown}
      aria-busy={view.status === 'computing'} data-testid="matrix">
      <div className="panel-title">
        Reachability matrix
        {stale && <span className="matrix__stale">the design changed since</span>}
        <button type="button" className="btn btn--small" onClick={() => store.getState().openMatrix()} data-testid="matrix-recompute"
          disabled={view.status === 'computing'}>{stale ? 'Compute again' : 'Recompute'}</button>
        <button type="button" className="icon-btn matrix__close" aria-label="Close the matrix" title="Close (Esc)" onClick={close}>✕</button>
      </div>
      {view.status === 'computing' && <p className="matrix__note" data-testid="matrix-computing">Walking every host pair through the plan…</p>}
      {view.status === 'failed' && <p className="matrix__note is-error" role="alert">The matrix could not be computed: {view.message}</p>}
      {view.status === 'ready' && view.outcome.kind === 'too-large' && (
        <p className="matrix__note" role="alert" data-testid="matrix-too-large">
          This design's matrix would have {view.outcome.cells.toLocaleString('en-US')} cells ({view.outcome.rows.toLocaleString('en-US')} hosts
          × {view.outcome.columns.toLocaleString('en-US')} targets and ports): more than the {MATRIX_CELL_LIMIT.toLocaleString('en-US')} one
          matrix walks. Name the pairs that matter in the design's policy tests: every edit checks them.
        </p>
      )}
      {view.status === 'ready' && view.outcome.kind === 'matrix' && <MatrixBody matrix={view.outcome.matrix} expected={view.outcome.expected} />}
    </section>
  );
}
