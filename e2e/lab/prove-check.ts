import { mkdirSync } from 'node:fs';
import { cellName } from '../../src/cli/prove/cell-outcome';
import { Namespaces } from '../../src/cli/prove/netns';
import { proveInput } from '../../src/cli/prove/prove-input';
import { proveBundle } from '../../src/cli/prove/prove-run';
import type { LabBundle } from './bundle';
import type { CheckResult } from './results';

/**
 * `wg-designer prove`'s comparison on the bundle the lab exported, in namespaces of its own (`<tag>-p-...`, so the
 * lab's cleanup and leftover check cover them): every cell of the engine's matrix probed must equal the engine's
 * verdict, exactly; a cell prove could not probe fails here too. One check per cell; returns prove's own time.
 */
export async function checkProve(bundle: LabBundle, tag: string, workDir: string, log: (s: string) => void): Promise<{ results: CheckResult[]; seconds: number }> {
  const nss = new Namespaces(`${tag}-p`);
  const dir = `${workDir}/prove`;
  mkdirSync(dir, { recursive: true });
  const report = await proveInput(bundle.root, dir)
    .then((input) => proveBundle(input, nss, dir, log))
    .finally(async () => {
      const problems = await nss.removeAll();
      if (problems.length > 0) throw new Error(`prove cleanup: ${problems.join('; ')}`);
    });
  const results = report.outcomes.map((o): CheckResult => ({
    group: 'prove',
    label: `${cellName(o.cell)} ${o.expected === 'reach' ? 'reaches' : 'is blocked'}`,
    ok: o.ok && o.actual !== 'skipped',
    detail: o.ok ? `${o.actual} as the engine says (${o.detail})` : `engine: ${o.expected} (${o.why}); probes: ${o.actual} (${o.detail}); look at ${o.host}`,
  }));
  return { results, seconds: report.seconds };
}
