import type { Design } from '../model/design';
import { formatFieldError } from '../model/parse-design';
import { buildPlan } from '../plan/build-plan';
import type { FullPlan } from '../plan/build-plan';
import { applyFix } from '../validate/apply-fix';
import type { Finding } from '../validate/finding';
import type { Rule } from '../validate/rule';
import { ruleContext } from '../validate/validate-design';

/** One rule's findings on a design (and optionally a plan a test has altered). */
export function runRule(rule: Rule, design: Design, plan: FullPlan = buildPlan(design)): Finding[] {
  return rule.run(ruleContext(design, plan));
}

/** The codes of findings, for terse assertions. */
export function codesOf(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** The design after a finding's fix; throws with the schema's errors when the fix does not apply. */
export function fixed(design: Design, finding: Finding | undefined): Design {
  if (!finding?.fix) throw new Error(`no fix on ${finding?.code ?? 'a missing finding'}`);
  const r = applyFix(design, finding.fix);
  if (!r.ok) throw new Error(`fix "${finding.fix.label}" does not apply: ${r.errors.map(formatFieldError).join('; ')}`);
  return r.value;
}

/** Applies a finding's fix and runs the rule again: what it still reports. */
export function afterFix(rule: Rule, design: Design, finding: Finding | undefined): Finding[] {
  return runRule(rule, fixed(design, finding));
}
