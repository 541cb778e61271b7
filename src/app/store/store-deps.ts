import type { Design, Keypair, MatrixOutcome } from '../../engine';
import type { Analysis } from './analysis';

/** What the store needs from outside: injected so tests run without a worker or a layout library. */
export interface StoreDeps {
  /** Fresh keypairs, made off the main thread. */
  keypairs(count: number): Promise<Keypair[]>;
  /** Fresh preshared keys, made off the main thread. */
  presharedKeys(count: number): Promise<string[]>;
  /** Positions for every host (auto-layout), on this thread. */
  layout(design: Design): Design;
  /** The same layout off the main thread. Without it every layout runs synchronously. */
  layoutOffThread?(design: Design): Promise<Design>;
  /** Designs with fewer hosts are laid out synchronously even when `layoutOffThread` is given (default SYNC_LAYOUT_HOSTS). */
  syncLayoutBelow?: number;
  /** Plan and validate off the main thread. Without it every design is analysed synchronously. */
  analyse?(design: Design): Promise<Analysis>;
  /** Designs with fewer hosts are analysed synchronously even when `analyse` is given (default SYNC_ANALYSIS_HOSTS). */
  syncAnalysisBelow?: number;
  /** How long edits must pause before a design goes to `analyse` (default ANALYSIS_PAUSE_MS; 0 sends each at once). */
  analysisPauseMs?: number;
  /** The reachability matrix off the main thread. Without it every matrix is walked synchronously. */
  matrix?(design: Design): Promise<MatrixOutcome>;
  /** Designs with fewer hosts have their matrix walked synchronously even when `matrix` is given (default SYNC_MATRIX_HOSTS). */
  syncMatrixBelow?: number;
}
