import type { Design } from '../../engine';
import { layoutGraph, layoutPositions, withPositions } from './auto-layout';
import type { Positions } from './auto-layout';

/**
 * Lays a design out in a worker of its own, started for this one layout and stopped after it: dagre takes seconds
 * on 1,000 hosts in a browser, and the page must stay responsive (and show that it is working) meanwhile. Where
 * no worker can start, the same code runs on this thread.
 */
export async function layoutOffThread(design: Design): Promise<Design> {
  const graph = layoutGraph(design);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'wg-designer layout' });
  } catch {
    return withPositions(design, layoutPositions(graph));
  }
  const positions = await new Promise<Positions>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ ok: true; positions: Positions } | { ok: false; error: string }>) => {
      if (e.data.ok) resolve(e.data.positions);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      // A worker that fails to load: lay out here instead.
      e.preventDefault();
      resolve(layoutPositions(graph));
    };
    worker.postMessage(graph);
  }).finally(() => worker.terminate());
  return withPositions(design, positions);
}
