import type { Design } from '../model/design';
import type { FullPlan } from '../plan/build-plan';
import type { Finding } from './finding';

/** What every rule sees: the design and the plan built from it (built once per validation). */
export interface RuleContext {
  design: Design;
  plan: FullPlan;
  /** Display name of a host id, for messages: `Orders primary (pg-primary)`. */
  label(hostId: string): string;
}

/** A validation rule: a pure function from the context to its findings. */
export interface Rule {
  id: string;
  run(ctx: RuleContext): Finding[];
}
