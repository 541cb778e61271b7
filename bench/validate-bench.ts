/**
 * Validation benchmark: buildPlan + validateDesign on generated designs of 500 to 4,000 hosts (hub-and-spoke and
 * routed sites), median of several runs after warm-up. Prints a table and the growth factor per doubling.
 * Run: npm run bench:validate. Timings are printed, never asserted.
 */
import { cpus, loadavg } from 'node:os';
import { buildPlan } from '../src/engine/plan/build-plan';
import { generateDesign } from '../src/engine/testing/generate-design';
import type { GeneratedShape } from '../src/engine/testing/generate-design';
import { validateDesign } from '../src/engine/validate/validate-design';
import { warmUpValidation } from './validate-warmup';

const SIZES = [500, 1000, 2000, 4000];
const SHAPES: GeneratedShape[] = ['hub-and-spoke', 'routed-sites'];
const WARMUP = 5;
const RUNS = 15;
/** The budget: 2,000 hosts validated in under 50 ms. */
const BUDGET_MS = 50;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/**
 * Median wall-clock and CPU milliseconds of `run`. The machine is shared: wall time includes waiting for a core,
 * CPU time (this process, GC threads included) does not, so both are printed.
 */
function time(run: () => void): { wall: number; best: number; cpu: number } {
  // The garbage of the previous design is not this one's cost: collect it first (node --expose-gc), then warm up.
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < WARMUP; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    run();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), best: Math.min(...wall), cpu: median(cpu) };
}

interface Row {
  shape: GeneratedShape;
  hosts: number;
  tunnels: number;
  flows: number;
  plan: number;
  validate: number;
  total: number;
  best: number;
  cpu: number;
  findings: number;
}

warmUpValidation(SHAPES);

const rows: Row[] = [];
for (const shape of SHAPES) {
  for (const hosts of SIZES) {
    const design = generateDesign({ shape, hosts });
    const plan = buildPlan(design);
    const findings = validateDesign(design, plan).length;
    const total = time(() => validateDesign(design, buildPlan(design)));
    rows.push({
      shape, hosts, tunnels: design.tunnels.length, flows: design.flows.length, findings,
      plan: time(() => buildPlan(design)).wall,
      validate: time(() => validateDesign(design, plan)).wall,
      total: total.wall,
      best: total.best,
      cpu: total.cpu,
    });
  }
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`validate: buildPlan + validateDesign, median of ${RUNS} runs after ${WARMUP} warm-up (ms; best = fastest run; growth = total / total at half the hosts)`);
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} cores`);
console.log(`${'shape'.padEnd(14)}${pad('hosts', 7)}${pad('tunnels', 9)}${pad('flows', 7)}${pad('plan', 9)}${pad('rules', 9)}${pad('total', 9)}${pad('best', 8)}${pad('cpu', 9)}${pad('growth', 8)}${pad('findings', 10)}`);
for (const r of rows) {
  const prev = rows.find((x) => x.shape === r.shape && x.hosts === r.hosts / 2);
  const growth = prev ? `x${(r.total / prev.total).toFixed(2)}` : '';
  console.log(`${r.shape.padEnd(14)}${pad(r.hosts, 7)}${pad(r.tunnels, 9)}${pad(r.flows, 7)}${pad(r.plan.toFixed(1), 9)}${pad(r.validate.toFixed(1), 9)}${pad(r.total.toFixed(1), 9)}${pad(r.best.toFixed(1), 8)}${pad(r.cpu.toFixed(1), 9)}${pad(growth, 8)}${pad(r.findings, 10)}`);
}
for (const r of rows.filter((x) => x.hosts === 2000)) {
  console.log(`${r.shape} at 2,000 hosts: median ${r.total.toFixed(1)} ms wall (fastest ${r.best.toFixed(1)}), ${r.cpu.toFixed(1)} ms CPU (budget ${BUDGET_MS} ms on the median: ${r.total <= BUDGET_MS ? 'PASS' : 'FAIL'})`);
}
