// validate: plan + every rule of generated designs, as the designer's worker runs them after an edit, against the
// budgets users feel (issue 21): 1,000 hosts <= 25 ms, 5,000 <= 150 ms, 20,000 (the schema's limit) <= 1 s. No
// growth-factor row: on this machine a linear control grows from 2,000 to 4,000 hosts the way the engine does.
import { generateDesign } from '../src/engine/testing/generate-design';
import type { GeneratedShape } from '../src/engine/testing/generate-design';
import { validateDesign } from '../src/engine/validate/validate-design';
import { timeRuns } from './measure';
import { warmUpValidation } from './validate-warmup';
import type { Budget, Row } from './table';

const BUDGET_MS: Record<number, number> = { 1000: 25, 5000: 150, 20000: 1000 };
const CASES: Array<[GeneratedShape, number]> = [
  ['hub-and-spoke', 100], ['hub-and-spoke', 1000], ['hub-and-spoke', 5000], ['hub-and-spoke', 20000],
  ['routed-sites', 100], ['routed-sites', 1000], ['routed-sites', 5000], ['routed-sites', 20000],
  ['full-mesh', 100],
];

/** Designs without keys, as `wg-designer validate` checks them (the key rule's X25519 is timed under keys). */
export async function validateFigures(): Promise<Row[]> {
  const rows: Row[] = [];
  warmUpValidation(['hub-and-spoke', 'routed-sites', 'full-mesh']);
  for (const [shape, hosts] of CASES) {
    const design = generateDesign({ shape, hosts });
    const runs = hosts >= 20000 ? 5 : hosts >= 5000 ? 7 : 11;
    // As the designer's worker validates edit after edit: no forced collection shrinking the young generation first.
    const { ms: t, cpuMs } = await timeRuns(() => validateDesign(design), { warmup: 5, runs, collect: false });
    const limit = shape === 'full-mesh' ? undefined : BUDGET_MS[hosts];
    const budget: Budget | undefined = limit === undefined ? undefined : { max: limit };
    rows.push({
      section: 'validate', figure: `${shape} ${hosts.toLocaleString('en-US')} hosts (${design.tunnels.length.toLocaleString('en-US')} tunnels)`,
      value: t, unit: 'ms', ...(budget ? { budget } : {}), note: `${cpuMs.toFixed(1)} ms CPU`,
    });
  }
  return rows;
}
