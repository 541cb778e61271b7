// The benchmark's one table: each figure with its budget and PASS/FAIL, printed and written as JSON.

/** A budget: the value must be at most (`max`) or at least (`min`) the limit. */
export type Budget = { max: number } | { min: number };

export interface Row {
  section: string;
  figure: string;
  /** null when the figure could not be measured; `note` says why, and a row with a budget then FAILs. */
  value: number | null;
  unit: string;
  budget?: Budget;
  note?: string;
}

export type Verdict = 'PASS' | 'FAIL' | '';

/** PASS/FAIL against the budget; a budgeted figure that was not measured fails. */
export function verdict(row: Row): Verdict {
  if (!row.budget) return '';
  if (row.value === null || !Number.isFinite(row.value)) return 'FAIL';
  return ('max' in row.budget ? row.value <= row.budget.max : row.value >= row.budget.min) ? 'PASS' : 'FAIL';
}

function number(value: number, unit: string): string {
  const digits = unit === 'x' ? 1 : Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 1;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })}${unit === 'x' ? 'x' : unit ? ` ${unit}` : ''}`;
}

export function formatValue(row: Row): string {
  return row.value === null ? 'not measured' : number(row.value, row.unit);
}

export function formatBudget(row: Row): string {
  if (!row.budget) return '';
  return 'max' in row.budget ? `<= ${number(row.budget.max, row.unit)}` : `>= ${number(row.budget.min, row.unit)}`;
}

/** The table as aligned text columns: figure, value, budget, verdict, note. */
export function renderTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [`${r.section}: ${r.figure}`, formatValue(r), formatBudget(r), verdict(r), r.note ?? '']);
  const head = ['figure', 'value', 'budget', '', 'note'];
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((x, i) => (i === 1 || i === 2 ? x.padStart(width[i]!) : x.padEnd(i === 4 ? 0 : width[i]!))).join('  ').trimEnd();
  return [line(head), ...cells.map(line)].join('\n');
}

/** The table as Markdown, for the README's Performance section. */
export function renderMarkdown(rows: readonly Row[]): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  return [
    '| Figure | Value | Budget | | Note |',
    '|---|--:|--:|---|---|',
    ...rows.map((r) => `| ${esc(`${r.section}: ${r.figure}`)} | ${formatValue(r)} | ${esc(formatBudget(r))} | ${verdict(r)} | ${esc(r.note ?? '')} |`),
  ].join('\n');
}
