import type { BundleOptions } from '../bundle/bundle-options';
import type { PreviewedExport } from '../bundle/export-preview';
import type { Keypair } from '../keys';
import type { Design } from '../model/design';
import type { MatrixOutcome } from '../matrix/matrix-outcome';
import type { DesignAnalysis } from './analyse-design';

/** What the page asks the engine worker for: the heavy, random or zipping work that must not block the canvas. */
export type EngineRequest =
  | { type: 'keypairs'; count: number }
  | { type: 'presharedKeys'; count: number }
  /** The bundle with the export dialog's choices (firewall, QoS, diagram, secrets); findings come from the engine. */
  | { type: 'export'; design: Design; options?: ExportRequestOptions }
  /** Plan and validate: a large design takes tens of milliseconds, which must not land on a keystroke. */
  | { type: 'analyse'; design: Design }
  /** The reachability matrix, when the designer's matrix view opens: hosts² packet walks, seconds on a large design. */
  | { type: 'matrix'; design: Design };

/** What the page may choose for a bundle: every bundle option but the findings, which the engine computes. */
export type ExportRequestOptions = Partial<Omit<BundleOptions, 'findings'>>;

/** The answer to each request type. */
export interface EngineResults {
  keypairs: Keypair[];
  presharedKeys: string[];
  export: PreviewedExport;
  analyse: DesignAnalysis;
  matrix: MatrixOutcome;
}

export type EngineResult = EngineResults[keyof EngineResults];

/** A request on the wire: `id` pairs it with its answer. */
export type EngineMessage = EngineRequest & { id: number };

/** An answer on the wire. Errors travel as text: Error objects lose their class across postMessage. */
export type EngineReply = { id: number; ok: true; result: EngineResult } | { id: number; ok: false; error: string };

/** Most keys one request may ask for (a 20,000-host design is the schema's limit). */
export const MAX_KEYPAIRS = 20_000;
