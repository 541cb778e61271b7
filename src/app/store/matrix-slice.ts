import type { StateCreator } from 'zustand/vanilla';
import { matrixOutcome } from '../../engine';
import type { Design, MatrixOutcome } from '../../engine';
import { cellHighlight } from '../matrix/cell-highlight';
import type { AppStore, MatrixActions, MatrixState } from './app-state';
import type { StoreDeps } from './store-deps';

/**
 * Designs with fewer hosts have their matrix walked at once, on the main thread: 40 hosts on three ports are some
 * 5,000 packet walks, tens of milliseconds. The walks grow with hosts², so larger designs go to the engine worker.
 */
export const SYNC_MATRIX_HOSTS = 40;

/**
 * The reachability matrix view (issue 24): computed when it opens, never on an edit, so typing never waits for
 * hosts² walks. A result for a view since closed or opened again is dropped (each open bumps a revision).
 */
export function createMatrixSlice(deps: StoreDeps): StateCreator<AppStore, [], [], MatrixState & MatrixActions> {
  return (set, get) => {
    let revision = 0;
    const syncBelow = deps.syncMatrixBelow ?? SYNC_MATRIX_HOSTS;
    const ready = (rev: number, design: Design, outcome: MatrixOutcome) => {
      if (rev === revision) set({ matrixView: { status: 'ready', design, outcome } });
    };
    const failed = (rev: number, design: Design, e: unknown) => {
      if (rev === revision) set({ matrixView: { status: 'failed', design, message: e instanceof Error ? e.message : String(e) } });
    };
    return {
      matrixView: null,
      matrixCell: null,
      matrixHighlight: null,
      openMatrix() {
        const design = get().history.present;
        const rev = ++revision;
        set({ matrixView: { status: 'computing', design }, matrixCell: null, matrixHighlight: null });
        const remote = deps.matrix;
        if (!remote || design.hosts.length < syncBelow) {
          try {
            ready(rev, design, matrixOutcome(design));
          } catch (e) {
            failed(rev, design, e);
          }
          return;
        }
        remote(design).then((outcome) => ready(rev, design, outcome), (e: unknown) => failed(rev, design, e));
      },
      closeMatrix() {
        revision++;
        set({ matrixView: null, matrixCell: null, matrixHighlight: null });
      },
      pickMatrixCell(cell) {
        if (cell === null) {
          set({ matrixCell: null, matrixHighlight: null });
          return;
        }
        const highlight = cellHighlight(get().history.present, cell);
        set({ matrixCell: cell, matrixHighlight: highlight, focus: { hosts: [...highlight.hosts.keys()], nonce: Date.now() } });
      },
    };
  };
}
