import { cryptoRandom, runEngineRequest } from '../../engine';
import type { EngineRequest, EngineResults } from '../../engine';

/** The main-thread fallback for browsers that cannot start the worker: the same runner, loaded on first use. */
export function runOnMainThread<R extends EngineRequest>(request: R): Promise<EngineResults[R['type']]> {
  return runEngineRequest(request, cryptoRandom);
}
