import { buildPlan } from '../src/engine/plan/build-plan';
import { generateDesign } from '../src/engine/testing/generate-design';
import type { GeneratedShape } from '../src/engine/testing/generate-design';
import { validateDesign } from '../src/engine/validate/validate-design';

/**
 * Runs plan and validation on a 1,000-host design of each shape (a 100-host full mesh) `runs` times, before anything is timed. Otherwise
 * the first designs timed pay for V8's optimising compiler, which runs on the other core (their CPU time then
 * exceeds their wall time), and a 100-host design comes out slower than a 1,000-host one.
 */
export function warmUpValidation(shapes: readonly GeneratedShape[], runs = 30): void {
  for (const shape of shapes) {
    // A full mesh of 1,000 hosts would be half a million tunnels: 100 hosts give it as many.
    const design = generateDesign({ shape, hosts: shape === 'full-mesh' ? 100 : 1000 });
    for (let i = 0; i < runs; i++) validateDesign(design, buildPlan(design));
  }
}
