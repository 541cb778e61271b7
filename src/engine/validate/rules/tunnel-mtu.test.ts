import { describe, expect, it } from 'vitest';
import { ep, sketchDesign, v4, v6 } from '../../testing/design-builder';
import { FIXTURES } from '../../__fixtures__';
import { fixtureDesign } from '../../testing/fixture-design';
import { afterFix, fixed, runRule } from '../../testing/rule-harness';
import { tunnelMtu } from './tunnel-mtu';

const pair = (a: Record<string, unknown>, b: Record<string, unknown> = {}, network: Record<string, unknown> = {}) => sketchDesign({
  network,
  hosts: [{ id: 'app', name: 'API', endpoint: ep(1), underlay: v4(), ...a }, { id: 'pg', role: 'db', endpoint: ep(2), underlay: v4(), ...b }],
  tunnels: [['app', 'pg']],
});

describe('tunnel-mtu', () => {
  it('reports an interface MTU above its tunnel\'s safe MTU, with the arithmetic', () => {
    const [f] = runRule(tunnelMtu, pair({ mtu: 1500 }));
    expect(f?.code).toBe('mtu-above-tunnel');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe("API (app)'s interface MTU is 1500, but its tunnel t-app-pg to pg carries at most 1440 bytes: underlay MTU 1500 minus 60 bytes of IPv4 encapsulation (20 IP + 8 UDP + 32 WireGuard). Bigger packets are fragmented in the underlay or dropped (a PMTU black hole).");
  });

  it('takes the smaller underlay and the IPv6 overhead, and its fix sets that MTU', () => {
    const d = pair({ mtu: 1420, underlay: v6(1500) }, { underlay: v4(1400) });
    const [f] = runRule(tunnelMtu, d);
    expect(f?.message).toContain('carries at most 1320 bytes: underlay MTU 1400 minus 80 bytes of IPv6 encapsulation');
    expect(f?.fix?.label).toBe('Set API (app)\'s MTU to 1320');
    expect(fixed(d, f).hosts[0]?.mtu).toBe(1320);
    expect(afterFix(tunnelMtu, d, f)).toEqual([]);
  });

  it('reports IPv6 in a tunnel below 1280 and the underlay MTU it would need', () => {
    const found = runRule(tunnelMtu, pair({ underlay: v6(1340) }, { underlay: v6(1500) }, { pools: { ipv6: 'fd10::/64' } }));
    expect(found.map((f) => f.code)).toEqual(['mtu-ipv6-minimum', 'mtu-ipv6-minimum']);
    expect(found[0]?.message).toContain("carries IPv6, which needs an MTU of at least 1280 (RFC 8200), but its tunnel t-app-pg to pg carries at most 1260 bytes");
    expect(found[0]?.message).toContain("Raise that underlay's MTU to at least 1360");
    expect(found[0]?.fix).toBeUndefined();
  });

  it('fixes an IPv6 host whose own MTU setting is below 1280 where the tunnel allows more', () => {
    const d = pair({ mtu: 1200 }, {}, { pools: { ipv6: 'fd10::/64' } });
    const [f] = runRule(tunnelMtu, d);
    expect(f?.code).toBe('mtu-ipv6-minimum');
    expect(f?.fix?.changes).toEqual([{ target: 'host', id: 'app', set: { mtu: 1440 } }]);
    expect(afterFix(tunnelMtu, d, f)).toEqual([]);
  });

  it('says nothing of computed MTUs, a lower MTU set by hand, or IPv4 only on a small tunnel', () => {
    for (const name of Object.keys(FIXTURES)) expect(runRule(tunnelMtu, fixtureDesign(name)), name).toEqual([]);
    expect(runRule(tunnelMtu, pair({ mtu: 1400 }))).toEqual([]);
    expect(runRule(tunnelMtu, pair({ underlay: v6(1340) }))).toEqual([]);
  });
});
