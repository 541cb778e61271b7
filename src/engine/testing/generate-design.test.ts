import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import { generateDesign } from './generate-design';

describe('generateDesign', () => {
  it('is deterministic: the same options give the same design', () => {
    expect(JSON.stringify(generateDesign({ shape: 'routed-sites', hosts: 120 }))).toBe(JSON.stringify(generateDesign({ shape: 'routed-sites', hosts: 120 })));
  });

  it('makes exactly the hosts asked for, every one addressed, in each shape', () => {
    for (const shape of ['hub-and-spoke', 'routed-sites', 'full-mesh'] as const) {
      const d = generateDesign({ shape, hosts: 40 });
      expect(d.hosts).toHaveLength(40);
      expect(d.hosts.every((h) => h.addresses.length === 1)).toBe(true);
    }
  });

  it('routes managed-database flows across three tunnels in routed sites', () => {
    const plan = buildPlan(generateDesign({ shape: 'routed-sites', hosts: 100 }));
    expect(plan.flows.some((f) => f.toService && f.path?.length === 4)).toBe(true);
  });

  it('adds keys only when asked', () => {
    expect(generateDesign({ shape: 'full-mesh', hosts: 3 }).hosts[0]?.privateKey).toBeNull();
    expect(generateDesign({ shape: 'full-mesh', hosts: 3, keys: true }).hosts[0]?.privateKey).toMatch(/=$/);
  });
});
