import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../__fixtures__';
import type { Design } from '../model/design';
import { formatPrefix } from '../net';
import { fixtureDesign } from '../testing/fixture-design';
import { explainAllowedIPs, UNEXPLAINED } from './allowed-ips-reasons';
import type { ExplainedPrefix } from './allowed-ips-reasons';
import { buildPlan } from '../plan/build-plan';

const explain = (design: Design, tunnelId: string) => explainAllowedIPs(buildPlan(design), tunnelId);
const asText = (list: readonly ExplainedPrefix[] | undefined) => list?.map((e) => `${e.prefix}: ${e.reasons.join('; ')}`);

describe('explainAllowedIPs on every fixture', () => {
  for (const name of Object.keys(FIXTURES)) {
    it(`${name}: explains exactly the plan's AllowedIPs, each prefix with a reason`, () => {
      const plan = buildPlan(fixtureDesign(name));
      expect(plan.tunnels.length).toBeGreaterThan(0);
      for (const { tunnel: t } of plan.tunnels) {
        const explained = explainAllowedIPs(plan, t.id);
        const planned = (from: string, to: string) => plan.byId.get(from)?.peers.find((p) => p.hostId === to)?.allowedIPs.map(formatPrefix);
        expect(explained?.ab.map((e) => e.prefix), `${t.id} ab`).toEqual(planned(t.a, t.b));
        expect(explained?.ba.map((e) => e.prefix), `${t.id} ba`).toEqual(planned(t.b, t.a));
        for (const e of [...(explained?.ab ?? []), ...(explained?.ba ?? [])]) {
          expect(e.reasons.length, `${t.id} ${e.prefix}`).toBeGreaterThan(0);
          expect(e.reasons, `${t.id} ${e.prefix}`).not.toContain(UNEXPLAINED);
        }
      }
    });
  }
});

describe('explainAllowedIPs reasons', () => {
  it('names the peer, the flows toward a target, and a pool standing in for the sources behind a hub', () => {
    const x = explain(fixtureDesign('hub-and-spoke'), 't-hub-pg');
    expect(asText(x?.ab)).toEqual(['10.10.0.1/32: pg-primary\'s address; flows f-app-1-pg, f-app-2-pg, f-app-3-pg to pg-primary']);
    expect(asText(x?.ba)).toEqual([
      '10.10.1.0/24: the app pool, one entry for the 3 routes inside it:; 10.10.1.1/32: flow f-app-1-pg from app-1; '
        + '10.10.1.2/32: flow f-app-2-pg from app-2; 10.10.1.3/32: flow f-app-3-pg from app-3',
      '10.10.2.1/32: hub\'s address',
    ]);
  });

  it('names the lan a service sits in', () => {
    const x = explain(fixtureDesign('site-to-site'), 't-office-vpc');
    expect(asText(x?.ab)).toContain('172.31.0.0/16: gw-vpc\'s LAN, for flow f-app-rds');
  });

  it('names a failover group\'s floating address and the flows that reach it', () => {
    const x = explain(fixtureDesign('primary-replica'), 't-app-2-primary');
    expect(asText(x?.ab)).toContain('10.20.0.100/32: failover address of group orders (held by pg-primary), for flows f-app-2-primary, f-app-2-replica');
  });

  it('calls the monitoring host\'s scrapes monitoring', () => {
    const d = fixtureDesign('point-to-point');
    const x = explain({ ...d, network: { ...d.network, monitoring: { host: 'app-1', exporterPort: 9586 } } }, 't-app-1-pg');
    expect(asText(x?.ab)).toEqual(['10.10.0.1/32: pg-primary\'s address; flow f-app-1-pg to pg-primary; monitoring to pg-primary']);
  });

  it('says a pinned list is pinned, and explains the list as the plan uses it', () => {
    const d = fixtureDesign('point-to-point');
    const pinned = { ...d, tunnels: d.tunnels.map((t) => ({ ...t, allowedIPs: { ab: ['10.10.0.0/24', '10.10.0.1/32'], ba: null } })) };
    const x = explain(pinned, 't-app-1-pg');
    expect(asText(x?.ab)).toEqual(['10.10.0.0/24: pinned in the design', '10.10.0.1/32: pinned in the design']);
    expect(x?.ba.map((e) => e.prefix)).toEqual(['10.10.1.1/32']);
  });

  it('gives null for a tunnel the plan does not have', () => {
    expect(explain(fixtureDesign('point-to-point'), 'nope')).toBeNull();
  });
});
