// validate: plan + every rule of generated designs, as the designer's worker runs them after an edit, against the
// budgets users feel (issue 21): 1,000 hosts <= 25 ms, 5,000 <= 150 ms, 20,000 (the schema's limit) <= 1 s. No
// growth-factor row: on this machine a linear control grows from 2,000 to 4,000 hosts the way the engine does.
import { spawnSync } from 'node:child_process';
import { generateDesign } from '../src/engine/testing/generate-design';
import type { GeneratedShape } from '../src/engine/testing/generate-design';
import { validateDesign } from '../src/engine/validate/validate-design';
import { median, timeRuns } from './measure';
import type { RunTime } from './measure';
import { warmUpValidation } from './validate-warmup';
import type { Budget, Row } from './table';

const BUDGET_MS: Record<number, number> = { 1000: 25, 5000: 150, 20000: 1000 };
const CASES: Array<[GeneratedShape, number]> = [
  ['hub-and-spoke', 100], ['hub-and-spoke', 1000], ['hub-and-spoke', 5000], ['hub-and-spoke', 20000],
  ['routed-sites', 100], ['routed-sites', 1000], ['routed-sites', 5000], ['routed-sites', 20000],
  ['full-mesh', 100],
];
/** Processes per case. They take turns case after case, so a slow spell of this machine spreads over every case. */
const ROUNDS = 3;
/** The flag that makes the bench's own bundle time one case and print its RunTime as JSON (see runValidateCase). */
export const VALIDATE_CASE_FLAG = '--validate-case';

/**
 * Designs without keys, as `wg-designer validate` checks them (the key rule's X25519 is timed under keys). Each case
 * runs in processes of its own, as the designer's worker holds one design: in one process the heap a 20,000-host
 * design grew would be charged to the 1,000-host design timed after it (37 ms there against 21 ms alone).
 */
export async function validateFigures(): Promise<Row[]> {
  const times = CASES.map((): RunTime[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    CASES.forEach(([shape, hosts], i) => times[i]?.push(timeCase(shape, hosts)));
  }
  return CASES.map(([shape, hosts], i): Row => {
    const runs = times[i] ?? [];
    const limit = shape === 'full-mesh' ? undefined : BUDGET_MS[hosts];
    const budget: Budget | undefined = limit === undefined ? undefined : { max: limit };
    const tunnels = generateDesign({ shape, hosts }).tunnels.length;
    return {
      section: 'validate', figure: `${shape} ${hosts.toLocaleString('en-US')} hosts (${tunnels.toLocaleString('en-US')} tunnels)`,
      value: median(runs.map((r) => r.ms)), unit: 'ms', ...(budget ? { budget } : {}),
      note: `${median(runs.map((r) => r.cpuMs)).toFixed(1)} ms CPU; median of ${runs.length} processes (${runs.map((r) => r.ms.toFixed(1)).join(', ')})`,
    };
  });
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
  const runs = hosts >= 20000 ? 5 : hosts >= 5000 ? 7 : 11;
  // As the designer's worker validates edit after edit: no forced collection shrinking the young generation first.
  const time = await timeRuns(() => validateDesign(design), { warmup: 5, runs, collect: false });
  console.log(JSON.stringify(time));
}
