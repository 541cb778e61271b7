import type { Design } from '../model/design';
import { buildPlan } from '../plan/build-plan';
import type { FullPlan } from '../plan/build-plan';
import { sortFindings } from './finding';
import type { Finding } from './finding';
import type { Rule, RuleContext } from './rule';
import { RuleIndex } from './rule-index';
import { RULES } from './rules';
import { newValidationContext } from './validation-context';
import type { ValidationContext } from './validation-context';

/**
 * Runs every rule over a completed design; errors first. Builds the plan and the shared indexes once. A caller that
 * validates a design again after each edit passes its own `validation` context, kept between the calls.
 */
export function validateDesign(
  design: Design, plan: FullPlan = buildPlan(design), validation: ValidationContext = newValidationContext(), rules: readonly Rule[] = RULES,
): Finding[] {
  const ctx = ruleContext(design, plan, validation);
  return sortFindings(rules.flatMap((r) => r.run(ctx)));
}

/** The context every rule of one validation shares. */
export function ruleContext(design: Design, plan: FullPlan = buildPlan(design), validation: ValidationContext = newValidationContext()): RuleContext {
  const index = new RuleIndex(design, plan);
  return {
    design,
    plan,
    index,
    validation,
    label(id) {
      const h = index.host(id);
      if (!h) return id;
      const name = h.name.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim().slice(0, 60);
      return name && name !== id ? `${name} (${id})` : id;
    },
  };
}
