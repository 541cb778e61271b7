import type { MatrixCell } from '../../engine';
import type { ProbeResult } from './net-probes';
import type { CellPlan } from './probe-plan';

/** What the probes saw of one cell: every address reached, none, some (a family differs), or not probed. */
export type Actual = 'reach' | 'deny' | 'partial' | 'skipped';

/** One cell compared: the engine's verdict against the probes, and the host to look at when they differ. */
export interface CellOutcome {
  cell: MatrixCell;
  expected: 'reach' | 'deny';
  actual: Actual;
  /** True when the probes agree with the engine (a skipped cell is neither: see `actual`). */
  ok: boolean;
  /** Each address with what its connect saw, e.g. `10.10.0.1: connected`. */
  detail: string;
  /** On a mismatch, the host whose rules decide the cell: where the engine admits it, or where it stops it. */
  host: string | null;
  /** The engine's reason, in words. */
  why: string;
}

/** `app-1 -> pg-1:5432` (a UDP port with `/udp`). */
export function cellName(c: { from: string; to: string; port: number; proto: string }): string {
  return `${c.from} -> ${c.to}:${c.port}${c.proto === 'udp' ? '/udp' : ''}`;
}

/** Compares one cell's probes (one per address of `plan`, in order) with the engine's verdict. */
export function judgeCell(plan: CellPlan, results: readonly ProbeResult[]): CellOutcome {
  const v = plan.cell.verdict;
  const expected = v.reachable ? 'reach' : 'deny';
  const path = v.path ? ` (path ${v.path.join(' -> ')})` : '';
  const why = v.reachable ? `admitted at ${v.at} by ${v.viaFlow === null ? 'its firewall' : `the rule of flow ${v.viaFlow}`}${path}`
    : `blocked at ${v.at}: ${v.reason}`;
  const base = { cell: plan.cell, expected, why } as const;
  if (plan.skip !== null) return { ...base, actual: 'skipped', ok: true, detail: plan.skip, host: null };
  const reached = results.filter((r) => r.ok).length;
  // No address in a family the source has: nothing can get through, and nothing did.
  const actual: Actual = plan.addresses.length === 0 ? 'deny' : reached === results.length ? 'reach' : reached === 0 ? 'deny' : 'partial';
  const detail = plan.addresses.length === 0 ? 'no address in a family the source has'
    : plan.addresses.map((a, i) => `${a}: ${results[i]?.detail ?? 'not probed'}`).join('; ');
  const ok = actual === expected;
  return { ...base, actual, ok, detail, host: ok ? null : v.at };
}
