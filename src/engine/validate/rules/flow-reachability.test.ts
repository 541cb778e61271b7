import { describe, expect, it } from 'vitest';
import { parsePrefix } from '../../net';
import { buildPlan } from '../../plan/build-plan';
import { ep, sketchDesign } from '../../testing/design-builder';
import { fixtureDesign } from '../../testing/fixture-design';
import { codesOf, runRule } from '../../testing/rule-harness';
import { flowReachability } from './flow-reachability';

/** app-1 (and app-2) -> hub -> pg, with optional pinned AllowedIPs on tunnels and extra fields on pg. */
const hub = (options: { pgSide?: string[]; hubToPg?: string[]; pg?: Record<string, unknown>; apps?: number } = {}) => sketchDesign({
  hosts: [
    { id: 'hub', name: 'Hub', role: 'gateway', endpoint: ep(1) },
    { id: 'pg', name: 'Orders DB', role: 'db', endpoint: ep(2), ...options.pg },
    ...Array.from({ length: options.apps ?? 1 }, (_, i) => ({ id: `app-${i + 1}` })),
  ],
  tunnels: [
    ['hub', 'pg', { allowedIPs: options.pgSide || options.hubToPg ? { ab: options.hubToPg ?? null, ba: options.pgSide ?? null } : null }],
    ...Array.from({ length: options.apps ?? 1 }, (_, i): [string, string] => ['hub', `app-${i + 1}`]),
  ],
  flows: Array.from({ length: options.apps ?? 1 }, (_, i) => ({ from: `app-${i + 1}`, to: 'pg' })),
});

describe('flow-reachability', () => {
  it('reports a flow with no chain of tunnels', () => {
    const d = sketchDesign({ hosts: [{ id: 'app' }, { id: 'pg', role: 'db', endpoint: ep(2) }], flows: [{ from: 'app', to: 'pg' }] });
    const [f] = runRule(flowReachability, d);
    expect(f?.code).toBe('flow-unroutable');
    expect(f?.message).toBe('Flow f-app-pg (app -> pg, tcp/5432) has no route: no chain of tunnels joins app to pg through gateways.');
  });

  it('reports a replication flow planned on several ports (its engine\'s) once when it has no route', () => {
    const d = sketchDesign({
      hosts: [{ id: 'my-1', role: 'db', database: { engine: 'mysql' } }, { id: 'my-2', role: 'db', endpoint: ep(2), database: { engine: 'mysql' } }],
      flows: [{ from: 'my-1', to: 'my-2', kind: 'replication' }],
    });
    expect(runRule(flowReachability, d).map((f) => f.message)).toEqual([
      'Flow f-my-1-my-2 (my-1 -> my-2, tcp/3306) has no route: no chain of tunnels joins my-1 to my-2 through gateways.',
    ]);
  });

  it('names the hop where WireGuard\'s source check drops the request', () => {
    const [f] = runRule(flowReachability, hub({ pgSide: ['10.10.2.1/32'] }));
    expect(f?.code).toBe('flow-blocked');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe('Flow f-app-1-pg (app-1 -> Orders DB (pg), tcp/5432) is blocked at Orders DB (pg): WireGuard on pg drops it: the source 10.10.1.1 is not in the AllowedIPs of hub.');
    expect(f?.subjects).toEqual({ flows: ['f-app-1-pg'], hosts: ['app-1', 'pg'] });
  });

  it('names a router with no route to the destination', () => {
    const [f] = runRule(flowReachability, hub({ hubToPg: ['10.10.0.99/32'] }));
    expect(f?.message).toContain('is blocked at Hub (hub): hub has no route to 10.10.0.1 (it is in no AllowedIPs and no lan)');
  });

  it('finds replies that a lan on the way back swallows', () => {
    // pg routes for 10.10.1.0/28, which holds app-1's address: the summarised /24 back to the hub loses to the lan.
    const found = runRule(flowReachability, hub({ apps: 2, pg: { lans: ['10.10.1.0/28'] } }));
    expect(codesOf(found)).toEqual(['flow-reply-blocked', 'flow-reply-blocked']);
    expect(found[0]?.message).toBe('Replies of flow f-app-1-pg (app-1 -> Orders DB (pg), tcp/5432) are dropped at Orders DB (pg): pg delivers 10.10.1.1 into its own lan 10.10.1.0/28 instead of sending it on to hub.');
  });

  it('checks forwarding and the firewall intent on every hop', () => {
    const d = hub();
    const noForward = buildPlan(d);
    const hubPlan = noForward.byId.get('hub');
    if (hubPlan) hubPlan.forwardIPv4 = false;
    expect(runRule(flowReachability, d, noForward)[0]?.message).toContain('blocked at Hub (hub): IPv4 forwarding is off on hub, which must route this flow');

    const noRule = buildPlan(d);
    const fw = noRule.byId.get('hub')?.firewall;
    if (fw) fw.forward = [];
    expect(runRule(flowReachability, d, noRule)[0]?.message).toContain("blocked at Hub (hub): its firewall does not forward tcp/5432 from 10.10.1.1 to 10.10.0.1");

    const noInbound = buildPlan(d);
    const pgFw = noInbound.byId.get('pg')?.firewall;
    if (pgFw) pgFw.inbound = [];
    expect(runRule(flowReachability, d, noInbound)[0]?.message).toContain('blocked at Orders DB (pg): its firewall does not accept tcp/5432 from 10.10.1.1 to 10.10.0.1 on the tunnel');
  });

  it('finds each flow\'s rule in a long chain, whatever its order, and one missing among twenty', () => {
    // Twenty flows cross the hub: its forward chain is long enough to be searched from a cursor, not scanned whole.
    const d = hub({ apps: 20 });
    const shuffled = buildPlan(d);
    const fw = shuffled.byId.get('hub')?.firewall;
    expect(fw?.forward.length).toBe(20);
    if (fw) fw.forward = [...fw.forward].reverse();
    expect(runRule(flowReachability, d, shuffled)).toEqual([]);

    const missing = buildPlan(d);
    const chain = missing.byId.get('hub')?.firewall;
    if (chain) chain.forward = chain.forward.filter((r) => r.flowId !== 'f-app-7-pg');
    const found = runRule(flowReachability, d, missing);
    expect(found.map((f) => f.subjects.flows)).toEqual([['f-app-7-pg']]);
    expect(found[0]?.message).toContain('blocked at Hub (hub): its firewall does not forward tcp/5432');

    // Another flow's rule that happens to let it through is enough (the rule is about the packet, not its name).
    const covered = buildPlan(d);
    const wide = covered.byId.get('hub')?.firewall;
    const other = wide?.forward.find((r) => r.flowId === 'f-app-1-pg');
    if (wide && other) {
      wide.forward = [...wide.forward.filter((r) => r.flowId !== 'f-app-7-pg'), { ...other, flowId: 'any-app', sources: [parsePrefix('10.10.1.0/24')] }];
    }
    expect(runRule(flowReachability, d, covered)).toEqual([]);
  });

  it('reports two ends without an address family in common', () => {
    const d = sketchDesign({
      hosts: [{ id: 'app', addresses: ['fd10::5/128'] }, { id: 'pg', role: 'db', endpoint: ep(2) }],
      tunnels: [['app', 'pg']],
      flows: [{ from: 'app', to: 'pg' }],
    });
    const [f] = runRule(flowReachability, d);
    expect(f?.code).toBe('flow-no-common-family');
    expect(f?.message).toContain('app has only IPv6 overlay addresses and the target only IPv4');
  });

  it('proves correct designs: services through two gateways, replication both ways, IPv6, failover', () => {
    for (const name of ['site-to-site', 'mesh-3', 'ipv6-pppoe', 'hub-and-spoke']) expect(runRule(flowReachability, fixtureDesign(name)), name).toEqual([]);
    const failover = sketchDesign({
      hosts: [{ id: 'app' }, { id: 'pg-1', role: 'db', endpoint: ep(1) }, { id: 'pg-2', role: 'db', endpoint: ep(2) }],
      tunnels: [['app', 'pg-1'], ['app', 'pg-2'], ['pg-1', 'pg-2']],
      flows: [{ from: 'app', to: 'pg-1' }, { from: 'app', to: 'pg-2' }, { from: 'pg-1', to: 'pg-2', kind: 'replication', port: 5432 }],
      failover: [{ id: 'g', address: '10.10.0.100', primary: 'pg-1', replica: 'pg-2' }],
    });
    expect(buildPlan(failover).flows.some((f) => f.flowId.includes('-standby-'))).toBe(true);
    expect(runRule(flowReachability, failover)).toEqual([]);
  });

  it('leaves a flow to or from an address two hosts claim to address-duplicate, which names it', () => {
    const d = sketchDesign({
      hosts: [{ id: 'hub', role: 'gateway', endpoint: ep(1) }, { id: 'pg', role: 'db', addresses: ['10.10.0.1/32'] }, { id: 'app', addresses: ['10.10.0.1/32'] }],
      tunnels: [['hub', 'pg'], ['hub', 'app']],
      flows: [{ from: 'app', to: 'pg' }],
    });
    expect(runRule(flowReachability, d)).toEqual([]);
  });
});
