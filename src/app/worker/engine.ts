import type { Design, DesignAnalysis, Keypair, MatrixOutcome } from '../../engine';
import { createEngineClient } from './engine-client';
import type { EngineClient } from './engine-client';

let client: EngineClient | null = null;

/** The page's one engine worker, started on first use. */
export function engine(): EngineClient {
  client ??= createEngineClient();
  return client;
}

/** Keypairs from the worker, for the store. */
export function workerKeypairs(count: number): Promise<Keypair[]> {
  return engine().run({ type: 'keypairs', count });
}

/** Preshared keys from the worker, for the store. */
export function workerPresharedKeys(count: number): Promise<string[]> {
  return engine().run({ type: 'presharedKeys', count });
}

/** Plan and findings of a design from the worker, for the store's analysis of large designs. */
export function workerAnalyse(design: Design): Promise<DesignAnalysis> {
  return engine().run({ type: 'analyse', design });
}

/** The reachability matrix of a design from the worker, for the matrix view of large designs. */
export function workerMatrix(design: Design): Promise<MatrixOutcome> {
  return engine().run({ type: 'matrix', design });
}
