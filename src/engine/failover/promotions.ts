import type { Design, FailoverGroup } from '../model/design';
import { parsePrefix } from '../net';
import type { Prefix } from '../net';
import { buildPlan } from '../plan/build-plan';
import type { Plan } from '../plan/types';

/** One failover group's promotion, decided once: the group, its floating address and the plan once it has moved. */
export interface Promotion {
  group: FailoverGroup;
  /** The floating address, parsed: the address the promotion moves from the primary's wg0 to the replica's. */
  floating: Prefix;
  /** The design's plan with the replica holding the floating address and the old primary standing by. */
  after: Plan;
}

/** The design after promoting a group's replica: it holds the floating address, the old primary stands by. */
export function promoted(design: Design, groupId: string): Design {
  return {
    ...design,
    failover: design.failover.map((g) => (g.id === groupId ? { ...g, primary: g.replica, replica: g.primary } : g)),
  };
}

/**
 * Each failover group's promotion, in design order: one more plan per group. Kept out of `buildPlan` (the plan of a
 * promoted design would plan its own promotions again); the bundle's failover output runs it once per export.
 */
export function planPromotions(plan: Plan): Promotion[] {
  return plan.design.failover.map((group) => ({
    group,
    floating: parsePrefix(group.address),
    after: buildPlan(promoted(plan.design, group.id)),
  }));
}
