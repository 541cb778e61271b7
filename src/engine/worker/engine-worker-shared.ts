import { exportBundle } from '../bundle/export-bundle';
import { analyseDesign } from './analyse-design';
import { generateKeypair, generatePresharedKey } from '../keys';
import type { RandomSource } from '../keys';
import type { EngineRequest, EngineResults } from './engine-worker-protocol';
import { MAX_KEYPAIRS } from './engine-worker-protocol';

/**
 * Runs one engine request: the same code in the worker and, where workers are unavailable, on the main thread.
 * The random source is injected (the worker passes the platform CSPRNG; tests pass a seeded one).
 */
export async function runEngineRequest<R extends EngineRequest>(
  request: R,
  random: RandomSource,
): Promise<EngineResults[R['type']]> {
  switch (request.type) {
    case 'keypairs':
      return Array.from({ length: checkCount(request) }, () => generateKeypair(random)) as EngineResults[R['type']];
    case 'presharedKeys':
      return Array.from({ length: checkCount(request) }, () => generatePresharedKey(random)) as EngineResults[R['type']];
    case 'export':
      return (await exportBundle(request.design, random)) as EngineResults[R['type']];
    case 'analyse':
      return analyseDesign(request.design) as EngineResults[R['type']];
  }
  throw new TypeError(`unknown engine request ${(request as { type?: unknown }).type as string}`);
}

function checkCount(request: { type: string; count: number }): number {
  const { count } = request;
  if (!Number.isInteger(count) || count < 0 || count > MAX_KEYPAIRS) {
    throw new RangeError(`${request.type}: count must be an integer from 0 to ${MAX_KEYPAIRS}, got ${count}`);
  }
  return count;
}
