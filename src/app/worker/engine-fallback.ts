import { cryptoRandom, newValidationContext, runEngineRequest } from '../../engine';
import type { EngineRequest, EngineResults } from '../../engine';

/** Runs engine requests on this thread: the worker's runner and, like the worker, one validation context for its life. */
export type MainThreadRunner = <R extends EngineRequest>(request: R) => Promise<EngineResults[R['type']]>;

/** The main-thread fallback for browsers that cannot start the worker: the same runner, loaded on first use. */
export function mainThreadRunner(): MainThreadRunner {
  const validation = newValidationContext();
  return (request) => runEngineRequest(request, cryptoRandom, validation);
}
