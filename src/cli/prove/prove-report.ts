import type { MatrixColumn } from '../../engine';
import type { CellOutcome } from './cell-outcome';

/** Everything a prove run found, for the truth table, JUnit and TAP. */
export interface ProveReport {
  design: string;
  /** Host ids and columns as the engine's matrix orders them. */
  rows: readonly string[];
  columns: readonly MatrixColumn[];
  outcomes: readonly CellOutcome[];
  startedAt: Date;
  seconds: number;
  hostname: string;
}

/** The cells where the probes disagree with the engine. */
export function mismatches(r: ProveReport): CellOutcome[] {
  return r.outcomes.filter((o) => !o.ok);
}

/** The hosts named by the mismatches, in order of first appearance. */
export function suspectHosts(r: ProveReport): string[] {
  return [...new Set(mismatches(r).flatMap((o) => (o.host === null ? [] : [o.host])))];
}
