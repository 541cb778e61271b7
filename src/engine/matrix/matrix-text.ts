import type { MatrixCell, ReachabilityMatrix } from './reachability-matrix';

const columnName = (c: { to: string; port: number; proto: string }) => `${c.to}:${c.port}${c.proto === 'udp' ? '/udp' : ''}`;

/** The cell of a row and column, or undefined for a host against itself. */
function cellMap(m: ReachabilityMatrix): Map<string, MatrixCell> {
  return new Map(m.cells.map((c) => [`${c.from} ${columnName(c)}`, c]));
}

/** A truth table for a terminal: rows from, columns to:port, ✓ reachable, ✗ not, · a host against itself. */
export function matrixTable(m: ReachabilityMatrix): string {
  const cells = cellMap(m);
  const names = m.columns.map(columnName);
  const head = ['from', ...names];
  const body = m.rows.map((r) => [r, ...names.map((n) => {
    const c = cells.get(`${r} ${n}`);
    return c === undefined ? '·' : c.verdict.reachable ? '✓' : '✗';
  })]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] as string).length)));
  return [head, ...body].map((row) => row.map((v, i) => v.padEnd(widths[i] as number)).join('  ').trimEnd()).join('\n');
}

/** RFC 4180 CSV, one line per cell: from, to, port, proto, reachable, at, why. */
export function matrixCsv(m: ReachabilityMatrix): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = m.cells.map((c) => {
    const v = c.verdict;
    const why = v.reachable ? (v.viaFlow === null ? 'firewall' : `flow ${v.viaFlow}`) : v.reason;
    return [c.from, c.to, String(c.port), c.proto, v.reachable ? 'reach' : 'deny', v.at, why].map(q).join(',');
  });
  return ['from,to,port,proto,verdict,at,why', ...lines].join('\r\n');
}
