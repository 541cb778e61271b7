// The engine worker: its protocol and the runner both sides share. The page's client lives in src/app/worker.
export { runEngineRequest } from './engine-worker-shared';
export { analyseDesign } from './analyse-design';
export type { DesignAnalysis } from './analyse-design';
export type { EngineRequest, EngineResults, EngineResult, EngineMessage, EngineReply, ExportRequestOptions } from './engine-worker-protocol';
export { MAX_KEYPAIRS } from './engine-worker-protocol';
