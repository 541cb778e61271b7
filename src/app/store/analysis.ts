import type { Design, Finding, FullPlan } from '../../engine';
import { buildPlan, validateDesign } from '../../engine';

/** What the engine says about the current design: the plan (for previews and edge labels) and the findings. */
export interface Analysis {
  plan: FullPlan | null;
  findings: Finding[];
}

/** Plans and validates a completed design. Never throws: an engine failure becomes one error finding. */
export function analyse(design: Design): Analysis {
  try {
    const plan = buildPlan(design);
    return { plan, findings: validateDesign(design, plan) };
  } catch (e) {
    return {
      plan: null,
      findings: [{
        code: 'engine-failure', severity: 'error', subjects: {},
        message: `The engine could not plan this design: ${e instanceof Error ? e.message : String(e)}`,
      }],
    };
  }
}
