// validate: plan + every rule of generated designs, as the designer's engine worker runs them after an edit, against
// the budgets users feel (issue 21): 1,000 hosts <= 25 ms, 5,000 <= 150 ms, 20,000 (the schema's limit) <= 1 s. The
// budgets are the worker's, so the budgeted rows are timed in a dedicated Web Worker of Debian's headless Chromium
// (bench/validate-worker.ts), the V8 the designer runs on; the same cases in Node 20 (`wg-designer validate`) follow
// without a budget. No growth-factor row: on this machine a linear control grows from 2,000 to 4,000 hosts the way
// the engine does.
import { spawnSync } from 'node:child_process';
import { generateDesign } from '../src/engine/testing/generate-design';
import type { GeneratedShape } from '../src/engine/testing/generate-design';
import { validateDesign } from '../src/engine/validate/validate-design';
import { withChromiumPage } from './chromium-page';
import { median, timeRuns } from './measure';
import type { RunTime } from './measure';
import { warmUpValidation } from './validate-warmup';
import type { ValidateCase } from './validate-worker';
import type { Budget, Row } from './table';

const BUDGET_MS: Record<number, number> = { 1000: 25, 5000: 150, 20000: 1000 };
const CASES: Array<[GeneratedShape, number]> = [
  ['hub-and-spoke', 100], ['hub-and-spoke', 1000], ['hub-and-spoke', 5000], ['hub-and-spoke', 20000],
  ['routed-sites', 100], ['routed-sites', 1000], ['routed-sites', 5000], ['routed-sites', 20000],
  ['full-mesh', 100],
];
/**
 * Workers per case (Node processes: one). They take turns case after case, so a slow spell spreads over every case.
 * Five, not three: on this VM one worker's median of a routed 1,000-host design ranged 14.3-28.6 ms within ten
 * minutes for the same code (bench/README.md), so the median of three was decided by whichever spell two fell in.
 */
const ROUNDS = 5;
/** The flag that makes the bench's own bundle time one case and print its RunTime as JSON (see runValidateCase). */
export const VALIDATE_CASE_FLAG = '--validate-case';

/** Warm-up and timed runs per case, fewer for the larger designs. */
function runsFor(hosts: number): { warmup: number; runs: number } {
  return { warmup: 5, runs: hosts >= 20000 ? 5 : hosts >= 5000 ? 7 : 11 };
}

/**
 * Designs without keys, as the designer analyses them between exports (the key rule's X25519 is timed under keys).
 * Each case runs in a worker (or process) of its own: in one heap, what a 20,000-host design grew would be charged
 * to the 1,000-host design timed after it (37 ms there against 21 ms alone).
 */
export async function validateFigures(): Promise<Row[]> {
  const worker = CASES.map((): number[] => []);
  const node = CASES.map((): RunTime[] => []);
  const browser = await withChromiumPage({ '/validate-worker.js': 'bench/validate-worker.ts' }, null, async (page, b) => {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, [shape, hosts]] of CASES.entries()) {
        const ask: ValidateCase = { shape, hosts, ...runsFor(hosts) };
        const runs = await page.evaluate((c) => new Promise<number[]>((resolve, reject) => {
          const w = new Worker('/validate-worker.js');
          w.onmessage = (e: MessageEvent<number[]>) => { w.terminate(); resolve(e.data); };
          w.onerror = (e) => { w.terminate(); reject(new Error(e.message)); };
          w.postMessage(c);
        }), ask);
        worker[i]?.push(median(runs));
        if (round === 0) node[i]?.push(timeCase(shape, hosts));
      }
    }
    return `Chromium ${b.version()}`;
  });
  const rows: Row[] = [];
  for (const [i, [shape, hosts]] of CASES.entries()) {
    const limit = shape === 'full-mesh' ? undefined : BUDGET_MS[hosts];
    const budget: Budget | undefined = limit === undefined ? undefined : { max: limit };
    const ms = worker[i] ?? [];
    rows.push({
      section: 'validate', figure: `worker: ${caseName(shape, hosts)}`, value: median(ms), unit: 'ms', ...(budget ? { budget } : {}),
      note: `${browser} dedicated worker, analyseDesign; median of ${ms.length} workers (${ms.map((x) => x.toFixed(1)).join(', ')})`,
    });
  }
  for (const [i, [shape, hosts]] of CASES.entries()) {
    const runs = node[i] ?? [];
    rows.push({
      section: 'validate', figure: `Node ${process.versions.node}: ${caseName(shape, hosts)}`, value: median(runs.map((r) => r.ms)), unit: 'ms',
      note: `${median(runs.map((r) => r.cpuMs)).toFixed(1)} ms CPU; the CLI's validate; median of ${runs.length} processes (${runs.map((r) => r.ms.toFixed(1)).join(', ')})`,
    });
  }
  return rows;
}

function caseName(shape: GeneratedShape, hosts: number): string {
  const tunnels = generateDesign({ shape, hosts }).tunnels.length;
  return `${shape} ${hosts.toLocaleString('en-US')} hosts (${tunnels.toLocaleString('en-US')} tunnels)`;
}

/** One case in a fresh process of this same bundle. */
function timeCase(shape: GeneratedShape, hosts: number): RunTime {
  const r = spawnSync(process.execPath, ['--expose-gc', process.argv[1] as string, VALIDATE_CASE_FLAG, shape, String(hosts)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`validate ${shape} ${hosts}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as RunTime;
}

/** The child's side: warm up, then time one case and print its RunTime. */
export async function runValidateCase(shape: GeneratedShape, hosts: number): Promise<void> {
  warmUpValidation(['hub-and-spoke', 'routed-sites', 'full-mesh']);
  const design = generateDesign({ shape, hosts });
  // As the designer's worker validates edit after edit: no forced collection shrinking the young generation first.
  const time = await timeRuns(() => validateDesign(design), { ...runsFor(hosts), collect: false });
  console.log(JSON.stringify(time));
}
