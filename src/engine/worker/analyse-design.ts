import { buildPlan } from '../plan/build-plan';
import { ParsedHosts } from '../plan/parsed-host';
import type { Plan } from '../plan/types';
import type { Design } from '../model/design';
import type { Finding } from '../validate/finding';
import { validateDesign } from '../validate/validate-design';
import { newValidationContext } from '../validate/validation-context';
import type { ValidationContext } from '../validate/validation-context';

/**
 * What the designer shows about a design: the plan its previews and edge labels read, and the findings. Plain data
 * (objects, arrays, Maps, bigints), so it crosses postMessage: the plan is cut down to `Plan`, without the
 * topology and resolved flows only the validation rules look at.
 */
export interface DesignAnalysis {
  plan: Plan | null;
  findings: Finding[];
}

/**
 * Plans and validates a completed design. Never throws: an engine failure becomes one error finding. The designer
 * analyses each edit with the one `validation` context it keeps (the store's, or the worker's for its life).
 */
export function analyseDesign(design: Design, validation: ValidationContext = newValidationContext()): DesignAnalysis {
  try {
    // This plan's texts read through the last analysis's: after an edit only what changed is parsed again.
    validation.texts = validation.texts.next();
    const full = buildPlan(design, { parsed: new ParsedHosts(validation.texts) });
    const findings = validateDesign(design, full, validation);
    const plan: Plan = { design: full.design, hosts: full.hosts, byId: full.byId, tunnels: full.tunnels, flows: full.flows };
    return { plan, findings };
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
