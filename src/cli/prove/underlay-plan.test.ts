import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import { planUnderlay } from './underlay-plan';

describe('planUnderlay', () => {
  it('puts hosts with an endpoint at its address, others at spare documentation addresses, NAT hosts behind a router', () => {
    const plan = planUnderlay(fixtureDesign('hub-and-spoke'));
    const of = (id: string) => plan.hosts.find((h) => h.hostId === id);
    expect(of('hub')).toMatchObject({ family: 4, address: '198.51.100.1', publicAddress: '198.51.100.1', mtu: 1500, nat: null });
    expect(of('app-1')).toMatchObject({ address: '198.51.100.200', nat: null });
    expect(of('app-2')).toMatchObject({ address: '198.51.100.201', nat: null });
    expect(of('app-3')).toMatchObject({
      address: '100.64.1.2', publicAddress: '192.0.2.100',
      nat: { inside: '100.64.1.1', host: '100.64.1.2', insideLen: 24, outside: '192.0.2.100', forwardPort: null },
    });
    expect(plan.lans).toEqual([]);
  });

  it('gives a gateway its lan with the managed database in it, and keeps the design\'s link MTU', () => {
    const plan = planUnderlay(fixtureDesign('site-to-site'));
    expect(plan.hosts.find((h) => h.hostId === 'gw-office')?.mtu).toBe(1492);
    expect(plan.lans).toEqual([
      { gatewayId: 'gw-office', family: 4, prefix: '10.20.0.0/24', len: 24, gatewayAddress: '10.20.0.1', members: ['10.20.0.2'] },
      { gatewayId: 'gw-vpc', family: 4, prefix: '172.31.0.0/16', len: 16, gatewayAddress: '172.31.0.1', members: ['172.31.5.20'] },
    ]);
  });

  it('lays an IPv6 underlay out in 2001:db8::/32', () => {
    const plan = planUnderlay(fixtureDesign('ipv6-pppoe'));
    expect(plan.hosts.map((h) => [h.hostId, h.family, h.address, h.mtu])).toEqual([
      ['pg-v6', 6, '2001:db8:10::10', 1500],
      ['pg-v6-b', 6, '2001:db8:10::11', 1500],
      ['app-pppoe', 6, '2001:db8:20::21', 1492],
      ['app-fiber', 6, '2001:db8:ffff::200', 1500],
    ]);
  });
});
