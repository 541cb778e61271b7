import { passed } from './results';
import type { CheckGroup, DesignResult } from './results';

const COLUMNS: Array<{ title: string; group: CheckGroup }> = [
  { title: 'tunnels up', group: 'tunnel' },
  { title: 'flows passed', group: 'flow' },
  { title: 'denials held', group: 'denial' },
  { title: 'MTU checks', group: 'mtu' },
  { title: 'NAT keepalive', group: 'nat' },
  { title: 'add host, re-install', group: 'reinstall' },
  { title: 'key rotation', group: 'rotation' },
  { title: 'failover', group: 'failover' },
  { title: 'key custody', group: 'keys' },
  { title: 'drift', group: 'drift' },
  { title: 'prove cells', group: 'prove' },
];

/** "passed/total" for one group, "-" when the design has none, "not present" when the bundle lacks its scripts. */
function cell(d: DesignResult, group: CheckGroup): string {
  if (d.notPresent.includes(group)) return 'not present';
  const of = d.results.filter((r) => r.group === group);
  if (of.length === 0) return '-';
  return `${of.filter((r) => r.ok).length}/${of.length}`;
}

/** The lab's summary: one row per design, columns padded to line up in a terminal. */
export function renderTable(designs: readonly DesignResult[]): string {
  const header = ['design', 'hosts', ...COLUMNS.map((c) => c.title), 'time', 'result'];
  const rows = designs.map((d) => [
    d.design,
    String(d.hosts),
    ...COLUMNS.map((c) => cell(d, c.group)),
    `${d.seconds.toFixed(0)} s`,
    passed(d) ? 'PASS' : d.error !== null ? 'ERROR' : 'FAIL',
  ]);
  return table(header, rows);
}

/** The day-2 figures: for each change a design went through, the longest outage any of its flows saw. */
export function renderOutages(designs: readonly DesignResult[]): string {
  const rows = designs.flatMap((d) => Object.entries(d.outages).map(([change, ms]) => [d.design, change, `${ms} ms`]));
  return table(['design', 'change', 'longest flow outage'], rows);
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** Every failed check and design error, for the log above the table. */
export function renderFailures(designs: readonly DesignResult[]): string[] {
  return designs.flatMap((d) => [
    ...(d.error !== null ? [`${d.design}: ERROR ${d.error}`] : []),
    ...d.results.filter((r) => !r.ok).map((r) => `${d.design}: ${r.group} FAILED ${r.label}: ${r.detail}`),
  ]);
}

/** Checks counted for `npm test`'s "N passed, N failed": a design that errored counts as one more failure. */
export function countChecks(designs: readonly DesignResult[]): { passed: number; failed: number } {
  let ok = 0;
  let bad = 0;
  for (const d of designs) {
    ok += d.results.filter((r) => r.ok).length;
    bad += d.results.filter((r) => !r.ok).length + (d.error !== null ? 1 : 0);
  }
  return { passed: ok, failed: bad };
}
