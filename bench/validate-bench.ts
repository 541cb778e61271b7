/**
 * Validation benchmark: buildPlan + validateDesign on generated designs of 500 to 4,000 hosts (hub-and-spoke and
 * routed sites). Prints a table and the growth factor per doubling. Run: npm run bench:validate. Timings are printed,
 * never asserted.
 *
 * Beside them runs a control (`linear-ref`): a workload linear by construction that allocates and keeps per host what
 * a routed-sites validation does. Its growth column is what this machine charges for a doubling of that much memory,
 * the figure to read the validations' growth against.
 *
 * Each design is timed in a process of its own, so no design's heap (or the garbage it leaves) weighs on another's
 * figures; and the designs take turns, round after round, because this machine's speed drifts by tens of percent
 * within minutes: interleaving spreads a slow spell over every size instead of landing on one.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { buildPlan } from '../src/engine/plan/build-plan';
import { generateDesign } from '../src/engine/testing/generate-design';
import type { GeneratedShape } from '../src/engine/testing/generate-design';
import { validateDesign } from '../src/engine/validate/validate-design';
import { allocatedPerRun } from './allocation';
import { referenceHosts, referenceRun } from './linear-reference';
import { median } from './measure';
import { memoryLatency } from './memory-latency';
import { warmUpValidation } from './validate-warmup';

/** `--sizes 2000,4000,8000` and `--rounds 5` change the sizes and the processes per design. */
const SIZES = option('--sizes', '500,1000,2000,4000').split(',').map(Number);
/** The control: linear by construction, with a routed-sites validation's memory per host (bench/linear-reference.ts). */
const REFERENCE = 'linear-ref';
type Shape = GeneratedShape | typeof REFERENCE;
const SHAPES: Shape[] = ['hub-and-spoke', 'routed-sites', REFERENCE];
/** Processes per design, and warm-up and timed runs in each. */
const ROUNDS = Number(option('--rounds', '3'));
const WARMUP = 30;
const RUNS = 15;
/** The issue's budget: 2,000 hosts validated in under 50 ms. */
const BUDGET_MS = 50;

/** One process's figures for one design: medians of its runs (ms), and its fastest run. */
interface Sample {
  tunnels: number;
  flows: number;
  findings: number;
  plan: number;
  rules: number;
  total: number;
  best: number;
  cpu: number;
  /** Per run, on average: garbage collection pauses (ms), kernel CPU time (ms) and minor page faults. */
  gc: number;
  sys: number;
  faults: number;
  /** KB allocated per host per run (after the timed runs, so the profiler does not slow them). */
  alloc: number;
}

/**
 * Waits while V8's helper threads finish what the warm-up gave them (the optimising compiler, the concurrent
 * marker and sweeper): otherwise the first timed runs share the machine with them. No forced collection: a full
 * collection shrinks V8's young generation, and every run after it then pays for extra scavenges (measured: 1,000
 * hub-and-spoke hosts took a median 18-24 ms after one, with twice as much CPU as wall time, and 7-8 ms without).
 */
function settle(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
}

/** What one process times: a validation of a generated design, or the linear reference (`bench/linear-reference.ts`). */
interface Workload {
  tunnels: number;
  flows: number;
  findings: number;
  /** One run; returns when its first phase ended (the plan; the whole run for the reference). */
  run(): number;
}

function workload(shape: Shape, hosts: number): Workload {
  if (shape === REFERENCE) {
    const input = referenceHosts(hosts);
    return { tunnels: 0, flows: 0, findings: 0, run: () => (referenceRun(input), performance.now()) };
  }
  warmUpValidation([shape], 15);
  const design = generateDesign({ shape, hosts });
  return {
    tunnels: design.tunnels.length,
    flows: design.flows.length,
    findings: validateDesign(design, buildPlan(design)).length,
    run: () => {
      const plan = buildPlan(design);
      const at = performance.now();
      validateDesign(design, plan);
      return at;
    },
  };
}

/**
 * Times one design in this process and prints its Sample as JSON. Besides the times it counts what the runs cost
 * the collector and the kernel: where the time past a straight doubling goes.
 */
async function measure(shape: Shape, hosts: number): Promise<void> {
  const work = workload(shape, hosts);
  for (let i = 0; i < WARMUP; i++) work.run();
  settle();
  const pauses: Array<{ at: number; ms: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ at: e.startTime, ms: e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const plan: number[] = [];
  const rules: number[] = [];
  const total: number[] = [];
  const cpu: number[] = [];
  let sys = 0;
  const usage = process.resourceUsage();
  const start = performance.now();
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t0 = performance.now();
    const t1 = work.run();
    const t2 = performance.now();
    const used = process.cpuUsage(c);
    plan.push(t1 - t0);
    rules.push(t2 - t1);
    total.push(t2 - t0);
    cpu.push((used.user + used.system) / 1000);
    sys += used.system / 1000;
  }
  const end = performance.now();
  const faults = process.resourceUsage().minorPageFault - usage.minorPageFault;
  // The collector's entries arrive on a later turn of the event loop.
  await new Promise((r) => setTimeout(r, 20));
  observer.disconnect();
  const gc = pauses.filter((p) => p.at >= start && p.at < end).reduce((sum, p) => sum + p.ms, 0);
  const sample: Sample = {
    tunnels: work.tunnels, flows: work.flows, findings: work.findings,
    plan: median(plan), rules: median(rules), total: median(total), best: Math.min(...total), cpu: median(cpu),
    gc: gc / RUNS, sys: sys / RUNS, faults: faults / RUNS,
    alloc: (await allocatedPerRun(work.run)) / hosts / 1000,
  };
  console.log(JSON.stringify(sample));
}

/** Runs `measure` for one design in a fresh process (this same script, with the case as arguments). */
function sampleOf(shape: Shape, hosts: number): Sample {
  const out = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, '--case', shape, String(hosts)], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`bench:validate ${shape} ${hosts} failed:\n${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop() as string) as Sample;
}

function report(): void {
  const cases = SHAPES.flatMap((shape) => SIZES.map((hosts) => ({ shape, hosts, samples: [] as Sample[] })));
  for (let r = 0; r < ROUNDS; r++) for (const c of cases) c.samples.push(sampleOf(c.shape, c.hosts));
  const of = (c: (typeof cases)[number], k: keyof Sample) => median(c.samples.map((s) => s[k]));
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const fixed = (x: number) => x.toFixed(1);
  console.log(`validate: buildPlan + validateDesign; per design, ${ROUNDS} processes taking turns with the other designs, each the median of ${RUNS} runs after warm-up; the median process is shown (ms; best = fastest run of all; growth = total / total at half the hosts; gc, sys and faults: garbage collection pauses, kernel CPU time and page faults per run, averaged; alloc: KB allocated per host per run)`);
  console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} cores`);
  console.log(`${'shape'.padEnd(14)}${pad('hosts', 7)}${pad('tunnels', 9)}${pad('flows', 7)}${pad('plan', 9)}${pad('rules', 9)}${pad('total', 9)}${pad('best', 8)}${pad('cpu', 9)}${pad('growth', 8)}${pad('gc', 7)}${pad('sys', 7)}${pad('faults', 8)}${pad('alloc', 7)}${pad('findings', 10)}`);
  for (const c of cases) {
    const prev = cases.find((x) => x.shape === c.shape && x.hosts === c.hosts / 2);
    const growth = prev ? `x${(of(c, 'total') / of(prev, 'total')).toFixed(2)}` : '';
    const best = Math.min(...c.samples.map((s) => s.best));
    // The reference has no tunnels, flows, phases or findings.
    const engine = (text: string) => (c.shape === REFERENCE ? '-' : text);
    console.log(`${c.shape.padEnd(14)}${pad(c.hosts, 7)}${pad(engine(`${of(c, 'tunnels')}`), 9)}${pad(engine(`${of(c, 'flows')}`), 7)}${pad(engine(fixed(of(c, 'plan'))), 9)}${pad(engine(fixed(of(c, 'rules'))), 9)}${pad(fixed(of(c, 'total')), 9)}${pad(fixed(best), 8)}${pad(fixed(of(c, 'cpu')), 9)}${pad(growth, 8)}${pad(fixed(of(c, 'gc')), 7)}${pad(fixed(of(c, 'sys')), 7)}${pad(of(c, 'faults').toFixed(0), 8)}${pad(of(c, 'alloc').toFixed(2), 7)}${pad(engine(`${of(c, 'findings')}`), 10)}`);
  }
  const latency = memoryLatency([1024, 4096, 8192, 16384, 65536]).map((x) => `${x.kb / 1024} MB ${x.ns.toFixed(0)} ns`);
  console.log(`memory access that misses, by working set (pointer chase): ${latency.join(', ')}`);
  for (const c of cases.filter((x) => x.hosts === 2000 && x.shape !== REFERENCE)) {
    const total = of(c, 'total');
    console.log(`${c.shape} at 2,000 hosts: median ${fixed(total)} ms wall (fastest ${fixed(Math.min(...c.samples.map((s) => s.best)))}), ${fixed(of(c, 'cpu'))} ms CPU (budget ${BUDGET_MS} ms on the median: ${total <= BUDGET_MS ? 'PASS' : 'FAIL'})`);
  }
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] as string) : fallback;
}

const at = process.argv.indexOf('--case');
if (at >= 0) await measure(process.argv[at + 1] as Shape, Number(process.argv[at + 2]));
else report();
