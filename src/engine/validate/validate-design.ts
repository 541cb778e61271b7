import type { Design } from '../model/design';
import { buildPlan } from '../plan/build-plan';
import type { FullPlan } from '../plan/build-plan';
import { sortFindings } from './finding';
import type { Finding } from './finding';
import type { Rule, RuleContext } from './rule';
import { RULES } from './rules';

/** Runs every rule over a completed design; errors first. Builds the plan once and shares it. */
export function validateDesign(design: Design, plan: FullPlan = buildPlan(design), rules: readonly Rule[] = RULES): Finding[] {
  const hosts = new Map(design.hosts.map((h) => [h.id, h]));
  const ctx: RuleContext = {
    design,
    plan,
    label(id) {
      const h = hosts.get(id);
      if (!h) return id;
      const name = h.name.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim().slice(0, 60);
      return name && name !== id ? `${name} (${id})` : id;
    },
  };
  return sortFindings(rules.flatMap((r) => r.run(ctx)));
}
