// validate: full validation (plan + every rule) of generated designs, and how it grows from 1,000 to 5,000 hosts.
import { generateDesign } from '../src/engine/testing/generate-design';
import type { GeneratedShape } from '../src/engine/testing/generate-design';
import { validateDesign } from '../src/engine/validate/validate-design';
import { timeRuns } from './measure';
import { warmUpValidation } from './validate-warmup';
import type { Budget, Row } from './table';

const BUDGET_MS: Record<number, number> = { 1000: 20, 5000: 100 };
const CASES: Array<[GeneratedShape, number]> = [
  ['hub-and-spoke', 100], ['hub-and-spoke', 1000], ['hub-and-spoke', 5000],
  ['routed-sites', 100], ['routed-sites', 1000], ['routed-sites', 5000],
  ['full-mesh', 100],
];

/** Designs without keys, as `wg-designer validate` checks them (the key rule's X25519 is timed under keys). */
export async function validateFigures(): Promise<Row[]> {
  const rows: Row[] = [];
  const ms = new Map<string, number>();
  warmUpValidation(['hub-and-spoke', 'routed-sites', 'full-mesh']);
  for (const [shape, hosts] of CASES) {
    const design = generateDesign({ shape, hosts });
    const runs = hosts >= 5000 ? 7 : 11;
    // As the designer's worker validates edit after edit: no forced collection shrinking the young generation first.
    const { ms: t, cpuMs } = await timeRuns(() => validateDesign(design), { warmup: 5, runs, collect: false });
    ms.set(`${shape} ${hosts}`, t);
    const limit = shape === 'full-mesh' ? undefined : BUDGET_MS[hosts];
    const budget: Budget | undefined = limit === undefined ? undefined : { max: limit };
    rows.push({
      section: 'validate', figure: `${shape} ${hosts.toLocaleString('en-US')} hosts (${design.tunnels.length.toLocaleString('en-US')} tunnels)`,
      value: t, unit: 'ms', ...(budget ? { budget } : {}), note: `${cpuMs.toFixed(1)} ms CPU`,
    });
  }
  for (const shape of ['hub-and-spoke', 'routed-sites'] as const) {
    const growth = (ms.get(`${shape} 5000`) ?? NaN) / (ms.get(`${shape} 1000`) ?? NaN);
    rows.push({ section: 'validate', figure: `${shape} growth 1k -> 5k hosts`, value: growth, unit: 'x', budget: { max: 6 }, note: '5x the hosts; linear is 5x' });
  }
  return rows;
}
