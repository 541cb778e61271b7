/**
 * `npm run bench`: every figure of issue 7 with its budget and PASS/FAIL, as one table, also written to
 * bench/results.json (untracked). Timings are medians after warm-up on this machine; they are printed, never
 * asserted in tests. Prints the load average before and after, since the machine may be shared.
 * Sections: keys, validate, export, peer (bash baselines vs the CLI as a process), ui (bench/ui-bench.mjs).
 * `npm run bench -- --only keys,export` runs some sections; `--markdown` also prints the table as Markdown.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { exportFigures } from './export-figures';
import { keysFigures } from './keys-figures';
import { meshBaselineFigures } from './mesh-baseline';
import { renderMarkdown, renderTable, verdict } from './table';
import type { Row } from './table';
import { uiFigures } from './ui-figures';
import { runValidateCase, VALIDATE_CASE_FLAG, validateFigures } from './validate-figures';
import type { GeneratedShape } from '../src/engine/testing/generate-design';

const SECTIONS: Record<string, () => Promise<Row[]>> = {
  keys: keysFigures, validate: validateFigures, export: exportFigures, peer: meshBaselineFigures, ui: uiFigures,
};

const caseAt = process.argv.indexOf(VALIDATE_CASE_FLAG);
if (caseAt >= 0) {
  // A child of the validate section: one case, in a process of its own.
  await runValidateCase(process.argv[caseAt + 1] as GeneratedShape, Number(process.argv[caseAt + 2]));
  process.exit(0);
}

const arg = (name: string) => process.argv.find((a, i) => process.argv[i - 1] === name);
const only = arg('--only')?.split(',') ?? Object.keys(SECTIONS);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const started = performance.now();
const loadBefore = load();
console.log(`wg-designer bench: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadBefore}`);
const rows: Row[] = [];
for (const name of only) {
  const section = SECTIONS[name];
  if (!section) throw new Error(`unknown section "${name}" (sections: ${Object.keys(SECTIONS).join(', ')})`);
  const t = performance.now();
  process.stderr.write(`  ${name}...`);
  try {
    rows.push(...(await section()));
  } catch (e) {
    rows.push({ section: name, figure: 'section', value: null, unit: '', budget: { max: 0 }, note: `not measured: ${e instanceof Error ? e.message : String(e)}` });
  }
  process.stderr.write(` ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}
const seconds = (performance.now() - started) / 1000;
const loadAfter = load();
console.log(renderTable(rows));
const failed = rows.filter((r) => verdict(r) === 'FAIL');
console.log(`\n${rows.filter((r) => verdict(r) === 'PASS').length} PASS, ${failed.length} FAIL; ${seconds.toFixed(0)} s; load average before ${loadBefore}, after ${loadAfter}`);
if (process.argv.includes('--markdown')) console.log(`\n${renderMarkdown(rows)}`);
writeFileSync('bench/results.json', `${JSON.stringify({
  date: new Date().toISOString(), node: process.version, cores: cpus().length, cpu: cpus()[0]?.model ?? null,
  loadAverage: { before: loadBefore, after: loadAfter }, seconds,
  rows: rows.map((r) => ({ ...r, verdict: verdict(r) || null })),
}, null, 2)}\n`);
process.exitCode = failed.length > 0 ? 1 : 0;
