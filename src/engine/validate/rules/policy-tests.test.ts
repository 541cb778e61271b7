import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../plan/build-plan';
import { ep, sketchDesign } from '../../testing/design-builder';
import { codesOf, runRule } from '../../testing/rule-harness';
import { policyTests, TEST_PROBE_LIMIT } from './policy-tests';

/** app-1 -> hub -> pg with one client flow on 5432, and the given tests. */
const hub = (tests: Array<Record<string, unknown>>, more: { hosts?: Array<Record<string, unknown> & { id: string }> } = {}) => sketchDesign({
  hosts: [
    { id: 'hub', name: 'Hub', role: 'gateway', endpoint: ep(1), lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.5.20', port: 5432 }] },
    { id: 'pg', name: 'Orders DB', role: 'db', endpoint: ep(2) },
    { id: 'app-1' },
    ...(more.hosts ?? []),
  ],
  tunnels: [['hub', 'pg'], ['hub', 'app-1'], ...(more.hosts ?? []).map((h): [string, string] => ['hub', h.id])],
  flows: [{ from: 'app-1', to: 'pg' }],
  tests,
});

describe('policy-tests', () => {
  it('reports nothing when every reach gets through and every never is stopped', () => {
    expect(runRule(policyTests, hub([{ from: 'app-1', reach: ['pg:5432'], never: ['pg:22', 'pg:5433', 'hub/rds:5432'] }]))).toEqual([]);
  });

  it('names the hop and the rule where a reach is blocked', () => {
    const [f, ...rest] = runRule(policyTests, hub([{ from: 'app-1', reach: ['pg:5432', 'pg:6432'] }]));
    expect(rest).toEqual([]);
    expect(f?.code).toBe('test-reach-blocked');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe('Test tests[0].reach[1] (app-1 must reach pg:6432) fails: app-1 -> pg on tcp/6432 is blocked at app-1: its firewall does not let it open tcp/6432 to 10.10.0.1 on the tunnel.');
    expect(f?.subjects).toEqual({ hosts: ['app-1', 'pg'] });
  });

  it('names the firewall rule\'s flow and the path when a never gets through', () => {
    const [f] = runRule(policyTests, hub([{ from: 'role:app', never: ['role:db:5432'] }]));
    expect(f?.code).toBe('test-never-reached');
    expect(f?.message).toBe('Test tests[0].never[0] (role:app must never reach role:db:5432) fails: app-1 -> pg gets through on tcp/5432, admitted at Orders DB (pg) by the rule of flow f-app-1-pg (path app-1 -> hub -> pg).');
    expect(f?.subjects).toEqual({ hosts: ['app-1', 'pg'], flows: ['f-app-1-pg'] });
  });

  it('expands groups, leaves a host out against itself and counts the other failing pairs', () => {
    const d = hub([{ from: '*', reach: ['*:5432'] }], { hosts: [{ id: 'app-2' }] });
    const found = runRule(policyTests, d);
    expect(codesOf(found)).toEqual(['test-reach-blocked']);
    // 4 hosts, 12 ordered pairs; only app-1 -> pg is allowed.
    expect(found[0]?.message).toMatch(/^Test tests\[0\]\.reach\[0\] \(\* must reach \*:5432\) fails: Hub \(hub\) -> pg on tcp\/5432 is blocked at Hub \(hub\): .* \(and 10 more pairs: hub -> app-1, hub -> app-2, pg -> hub, \.\.\.\)\.$/);
  });

  it('probes a service through its gateway', () => {
    const [f] = runRule(policyTests, hub([{ from: 'app-1', reach: ['hub/rds:5432'] }]));
    expect(f?.message).toContain('app-1 -> hub/rds on tcp/5432 is blocked at app-1: its firewall does not let it open tcp/5432 to 172.31.5.20 on the tunnel');
  });

  it('says when no path exists, and when a reply is dropped', () => {
    const d = sketchDesign({ hosts: [{ id: 'a' }, { id: 'b', endpoint: ep(3) }], tests: [{ from: 'a', reach: ['b:80'] }] });
    expect(runRule(policyTests, d)[0]?.message).toContain('is blocked at a: no chain of tunnels joins a to b through gateways');
    const plan = buildPlan(hub([{ from: 'app-1', reach: ['pg:5432'] }]));
    const hubPlan = plan.byId.get('hub');
    if (hubPlan) hubPlan.forwardIPv4 = false;
    expect(runRule(policyTests, plan.design, plan)[0]?.message).toContain('IPv4 forwarding is off on hub');
  });

  it(`walks at most ${TEST_PROBE_LIMIT} pairs and warns about the rest`, () => {
    const d = hub(Array.from({ length: 3400 }, () => ({ from: '*', never: ['*:1'] })));
    // 3400 tests x 6 ordered pairs of 3 hosts = 20,400: 400 left unchecked.
    const found = runRule(policyTests, d);
    expect(codesOf(found)).toEqual(['test-too-large']);
    expect(found[0]?.message).toContain('400 were not checked');
  });
});
