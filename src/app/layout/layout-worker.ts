import { layoutPositions } from './auto-layout';
import type { LayoutGraph, Positions } from './auto-layout';

/** The worker scope, declared narrowly (the app's tsconfig has the DOM library, not the WebWorker one). */
interface WorkerScope {
  onmessage: ((event: { data: LayoutGraph }) => void) | null;
  postMessage(message: { ok: true; positions: Positions } | { ok: false; error: string }): void;
}

const scope = globalThis as unknown as WorkerScope;

// The thin switch: one graph in, its positions out.
scope.onmessage = (event) => {
  try {
    scope.postMessage({ ok: true, positions: layoutPositions(event.data) });
  } catch (e) {
    scope.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};
