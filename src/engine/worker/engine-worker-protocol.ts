import type { BundleFile } from '../bundle/bundle-files';
import type { Completion } from '../complete/complete-design';
import type { Keypair } from '../keys';
import type { Design } from '../model/design';

/** What the page asks the engine worker for: the heavy, random or zipping work that must not block the canvas. */
export type EngineRequest =
  | { type: 'keypairs'; count: number }
  | { type: 'presharedKeys'; count: number }
  | { type: 'export'; design: Design };

/** The answer to each request type. */
export interface EngineResults {
  keypairs: Keypair[];
  presharedKeys: string[];
  export: { completion: Completion; files: BundleFile[]; folder: string; zip: Uint8Array };
}

export type EngineResult = EngineResults[keyof EngineResults];

/** A request on the wire: `id` pairs it with its answer. */
export type EngineMessage = EngineRequest & { id: number };

/** An answer on the wire. Errors travel as text: Error objects lose their class across postMessage. */
export type EngineReply = { id: number; ok: true; result: EngineResult } | { id: number; ok: false; error: string };

/** Most keys one request may ask for (a 20,000-host design is the schema's limit). */
export const MAX_KEYPAIRS = 20_000;
