import { describe, expect, it } from 'vitest';
import { formatPrefix } from '../net';
import { buildPlan } from '../plan/build-plan';
import type { Plan } from '../plan/types';
import { fixtureDesign } from '../testing/fixture-design';
import { planPromotions, promoted } from './promotions';

describe('planPromotions on the primary-replica fixture', () => {
  const design = fixtureDesign('primary-replica');
  const plan = buildPlan(design);
  const [promotion, ...others] = planPromotions(plan);

  it('plans one promotion per failover group, with its floating address parsed', () => {
    expect(others).toEqual([]);
    expect(promotion?.group.id).toBe('orders');
    expect(promotion && formatPrefix(promotion.floating)).toBe('10.20.0.100/32');
  });

  it('moves the floating address to the replica and the apps\' route to it with the address', () => {
    const after = promotion?.after;
    const holds = (p: Plan | undefined, id: string) =>
      p?.byId.get(id)?.addresses.some((a) => formatPrefix(a) === '10.20.0.100/32');
    expect([holds(plan, 'pg-primary'), holds(plan, 'pg-replica')]).toEqual([true, false]);
    expect([holds(after, 'pg-primary'), holds(after, 'pg-replica')]).toEqual([false, true]);
    const routedTo = after?.byId.get('app-1')?.peers.find((p) => p.allowedIPs.some((a) => formatPrefix(a) === '10.20.0.100/32'));
    expect(routedTo?.hostId).toBe('pg-replica');
  });

  it('plans the promoted design as a design of its own would be planned, leaving the plan it came from as it was', () => {
    expect(promotion?.after.flows).toEqual(buildPlan(promoted(design, 'orders')).flows);
    expect(plan.design.failover[0]?.primary).toBe('pg-primary');
  });
});
