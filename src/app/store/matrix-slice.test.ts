import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import { matrixOutcome } from '../../engine';
import type { Design, MatrixOutcome } from '../../engine';
import { createAppStore } from './create-app-store';
import { testStore } from './test-store';

describe('the matrix view', () => {
  it('walks a small design at once, and a picked cell marks its path on the canvas and centres it', () => {
    const store = testStore(fixtureDesign('hub-and-spoke'));
    const s = () => store.getState();
    s().openMatrix();
    const view = s().matrixView;
    if (view?.status !== 'ready' || view.outcome.kind !== 'matrix') throw new Error('expected a walked matrix');
    const reachable = view.outcome.matrix.cells.find((c) => c.verdict.reachable && c.verdict.path.length === 3);
    if (!reachable) throw new Error('hub-and-spoke has flows through the hub');
    s().pickMatrixCell(reachable);
    expect([...(s().matrixHighlight?.hosts.keys() ?? [])]).toEqual(reachable.verdict.path);
    expect(s().focus?.hosts).toEqual(reachable.verdict.path);
    s().closeMatrix();
    expect([s().matrixView, s().matrixCell, s().matrixHighlight]).toEqual([null, null, null]);
  });

  it('sends a large design to the worker and drops a result for a view closed meanwhile', async () => {
    const design = fixtureDesign('hub-and-spoke');
    const asked: Design[] = [];
    let answer: (o: MatrixOutcome) => void = () => undefined;
    const store = createAppStore({ design }, {
      keypairs: async () => [], presharedKeys: async () => [], layout: (d) => d, syncMatrixBelow: 2,
      matrix: (d) => {
        asked.push(d);
        return new Promise((resolve) => { answer = resolve; });
      },
    });
    const s = () => store.getState();
    s().openMatrix();
    expect(s().matrixView?.status).toBe('computing');
    expect(asked).toEqual([s().history.present]);
    s().closeMatrix();
    answer(matrixOutcome(design));
    await Promise.resolve();
    expect(s().matrixView).toBeNull();
    s().openMatrix();
    answer({ kind: 'too-large', cells: 300_000, rows: 500, columns: 600, limit: 250_000 });
    await Promise.resolve();
    expect(s().matrixView).toMatchObject({ status: 'ready', outcome: { kind: 'too-large' } });
  });

  it('says why when the worker fails', async () => {
    const store = createAppStore({ design: fixtureDesign('point-to-point') }, {
      keypairs: async () => [], presharedKeys: async () => [], layout: (d) => d, syncMatrixBelow: 1,
      matrix: () => Promise.reject(new Error('the engine worker stopped')),
    });
    store.getState().openMatrix();
    await new Promise((r) => setTimeout(r));
    expect(store.getState().matrixView).toMatchObject({ status: 'failed', message: 'the engine worker stopped' });
  });
});
