import type { EngineMessage, EngineReply, EngineRequest, EngineResults } from '../../engine';
import type { MainThreadRunner } from './engine-fallback';

/** The page's side of the engine worker: a promise per request. */
export interface EngineClient {
  run<R extends EngineRequest>(request: R): Promise<EngineResults[R['type']]>;
}

type Pending = { resolve: (v: never) => void; reject: (e: Error) => void };

/**
 * Starts the engine worker (key generation, export and zip run there, so the canvas stays responsive). If a
 * worker cannot start, requests run on the main thread instead, with the same code loaded on first use.
 */
export function createEngineClient(): EngineClient {
  let worker: Worker | null = null;
  let broken = typeof Worker === 'undefined';
  let nextId = 1;
  const pending = new Map<number, Pending>();

  // Loaded on first use; made once, so the fallback keeps one validation context as the worker does.
  let mainThread: Promise<MainThreadRunner> | null = null;
  const fallback: EngineClient['run'] = async (request) => {
    mainThread ??= import('./engine-fallback').then((m) => m.mainThreadRunner());
    return (await mainThread)(request);
  };

  const start = (): Worker | null => {
    if (worker || broken) return worker;
    try {
      worker = new Worker(new URL('../../engine/worker/engine-worker.ts', import.meta.url), { type: 'module', name: 'wg-designer engine' });
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (e: MessageEvent<EngineReply>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data.result as never);
      else p.reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      // A worker that fails to load: reject what waits, and run everything on the main thread from now on.
      e.preventDefault();
      broken = true;
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.reject(new Error('the engine worker stopped'));
      pending.clear();
    };
    return worker;
  };

  return {
    run(request) {
      const w = start();
      if (!w) return fallback(request);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: never) => void, reject });
        const message: EngineMessage = { ...request, id };
        w.postMessage(message);
      }).catch((e: unknown) => (broken ? fallback(request) : Promise.reject(e as Error))) as never;
    },
  };
}
