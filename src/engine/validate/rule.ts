import type { Design } from '../model/design';
import type { FullPlan } from '../plan/build-plan';
import type { Finding } from './finding';
import type { RuleIndex } from './rule-index';
import type { ValidationContext } from './validation-context';

/** What every rule sees: the design and the plan built from it (built once per validation). */
export interface RuleContext {
  design: Design;
  plan: FullPlan;
  /** Display name of a host id, for messages: `Orders primary (pg-primary)`. */
  label(hostId: string): string;
  /** Lookups shared by every rule of one validation, each built on first use (see RuleIndex). */
  index: RuleIndex;
  /** What the caller keeps across its validations (derived public keys): see ValidationContext. */
  validation: ValidationContext;
}

/** A validation rule: a pure function from the context to its findings. */
export interface Rule {
  id: string;
  /** Every finding code the rule can report; README's Findings table documents each one. */
  codes: readonly string[];
  run(ctx: RuleContext): Finding[];
}
