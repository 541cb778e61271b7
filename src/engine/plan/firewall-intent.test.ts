import { describe, expect, it } from 'vitest';
import { renderIptables } from '../render/iptables';
import { renderNftables } from '../render/nftables';
import { fixtureDesign } from '../testing/fixture-design';
import { buildPlan } from './build-plan';

// Found by the lab (e2e/lab, issue 6): a gateway forwards, and nothing in its forward chain stopped a host on the
// underlay that routes 172.31.5.20 through the gateway's public address from querying the managed database.
describe('managed databases behind a gateway', () => {
  const plan = buildPlan(fixtureDesign('site-to-site'));
  const hostPlan = (id: string) => {
    const hp = plan.byId.get(id);
    if (!hp) throw new Error(`site-to-site has no host ${id}`);
    return hp;
  };
  const gw = hostPlan('gw-vpc');

  it('are closed to everything but the tunnel in the gateway firewall intent', () => {
    expect(gw.firewall.lanDatabases).toEqual([
      { serviceId: 'orders-rds', address: { family: 4, addr: 0xac1f0514n, len: 32, v4: 0xac1f0514 }, port: 5432 },
    ]);
    expect(hostPlan('app-1').firewall.lanDatabases).toEqual([]);
  });

  it('are dropped in the nftables forward chain after tunnel traffic has been decided, before replies are let out', () => {
    const nft = renderNftables(gw);
    const forward = nft.slice(nft.indexOf('chain forward {'), nft.indexOf('chain tunnel_forward {'));
    const lines = forward.split('\n').map((l) => l.trim());
    const drop = lines.indexOf('ip daddr 172.31.5.20 tcp dport 5432 drop comment "managed database orders-rds: tunnel only"');
    expect(drop).toBeGreaterThan(lines.indexOf('iifname "wg0" jump tunnel_forward'));
    expect(drop).toBeLessThan(lines.indexOf('oifname "wg0" ct state established,related accept'));
  });

  it('are dropped in the iptables forward chain of their own family only', () => {
    const line = '-A WGD-FORWARD -d 172.31.5.20 -p tcp --dport 5432 -m comment --comment "managed database orders-rds: tunnel only" -j DROP';
    const v4 = renderIptables(gw, 4).split('\n');
    expect(v4.indexOf(line)).toBe(v4.indexOf('-A WGD-FORWARD -i wg0 -j WGD-TUNNEL-FORWARD') + 1);
    expect(renderIptables(gw, 6)).not.toContain('172.31.5.20');
  });
});
