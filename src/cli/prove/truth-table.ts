import { cellName } from './cell-outcome';
import type { CellOutcome } from './cell-outcome';
import { mismatches, suspectHosts } from './prove-report';
import type { ProveReport } from './prove-report';

const columnName = (c: { to: string; port: number; proto: string }) => `${c.to}:${c.port}${c.proto === 'udp' ? '/udp' : ''}`;
const SYMBOL = { reach: '✓', deny: '✗', partial: '½', skipped: '?' } as const;

/** A cell's mark: what the probes saw, with `!` in front when the engine expected otherwise. */
function mark(o: CellOutcome | undefined): string {
  if (o === undefined) return '·';
  return `${o.ok ? '' : '!'}${SYMBOL[o.actual]}`;
}

/**
 * The truth table, as Cyclonus prints one: rows from, columns to:port, each cell what the probes saw (✓ connected,
 * ✗ not, ½ some address families only, ? not probed) and `!` where the engine's matrix says otherwise; then one
 * MISMATCH line per such cell with both sides and the host to look at, and a summary line.
 */
export function truthTable(r: ProveReport): string {
  const byKey = new Map(r.outcomes.map((o) => [`${o.cell.from} ${columnName(o.cell)}`, o]));
  const names = r.columns.map(columnName);
  const head = ['from', ...names];
  const body = r.rows.map((row) => [row, ...names.map((n) => mark(byKey.get(`${row} ${n}`)))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const table = [head, ...body].map((row) => row.map((v, i) => v.padEnd(widths[i] as number)).join('  ').trimEnd());
  const legend = '✓ connected  ✗ not connected  ½ some address families only  ? not probed  · self  ! MISMATCH with the design';
  const lines = mismatches(r).map((o) => `MISMATCH ${cellName(o.cell)}: expected ${o.expected} (${o.why}), got ${o.actual} (${o.detail}); look at ${o.host}`);
  return [...table, '', legend, ...(lines.length > 0 ? ['', ...lines] : []), '', summary(r)].join('\n');
}

/** `prove orders-prod: 20 cells, 19 as the design says, 1 MISMATCH (look at pg-1), 0 not probed, in 14.2 s`. */
export function summary(r: ProveReport): string {
  const bad = mismatches(r).length;
  const skipped = r.outcomes.filter((o) => o.actual === 'skipped').length;
  const agree = r.outcomes.length - bad - skipped;
  const hosts = suspectHosts(r);
  const where = bad > 0 ? ` (look at ${hosts.join(', ')})` : '';
  return `prove ${r.design}: ${r.outcomes.length} cells, ${agree} as the design says, ${bad} MISMATCH${where}, ${skipped} not probed, in ${r.seconds.toFixed(1)} s`;
}
