import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { codesOf, runRule } from '../../testing/rule-harness';
import { tunnelHandshake } from './tunnel-handshake';

const pair = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  sketchDesign({ hosts: [{ id: 'a', ...a }, { id: 'b', ...b }], tunnels: [['a', 'b']] });

describe('tunnel-handshake', () => {
  it('reports a tunnel where neither end has an endpoint', () => {
    const [f] = runRule(tunnelHandshake, pair({}, {}));
    expect(f?.code).toBe('tunnel-no-endpoint');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('Neither a nor b has an endpoint, so neither can send the first handshake and tunnel t-a-b never comes up');
    expect(f?.subjects).toEqual({ hosts: ['a', 'b'], tunnels: ['t-a-b'] });
  });

  it('reports two hosts behind NAT and points at a relay', () => {
    const [f] = runRule(tunnelHandshake, pair({ behindNat: true }, { behindNat: true }));
    expect(f?.code).toBe('tunnel-nat-to-nat');
    expect(f?.message).toContain('Route them through a relay instead: a gateway both can dial');
  });

  it('says nothing when one end can be dialled, even behind NAT with a forwarded port', () => {
    expect(runRule(tunnelHandshake, pair({ behindNat: true }, { endpoint: ep(2) }))).toEqual([]);
    expect(codesOf(runRule(tunnelHandshake, pair({ behindNat: true }, { behindNat: true, endpoint: ep(2) })))).toEqual([]);
  });

  describe('external hosts that dial in', () => {
    const road = (server: Record<string, unknown>, dialsIn = true) => sketchDesign({
      hosts: [{ id: 'vpn', role: 'gateway', ...server }, { id: 'phone', role: 'client', external: true, dialsIn },
        { id: 'laptop', role: 'client', external: true, dialsIn }],
      tunnels: [['vpn', 'phone'], ['vpn', 'laptop']],
    });

    it('accepts them when the server has an endpoint, and warns once naming the endpoint their configs must use', () => {
      const findings = runRule(tunnelHandshake, road({ endpoint: ep(1) }));
      expect(codesOf(findings)).toEqual(['external-dials-in']);
      expect(findings[0]?.severity).toBe('warning');
      expect(findings[0]?.message).toContain('phone and laptop dial in to vpn: their configs must say Endpoint = 203.0.113.1:51820');
      expect(findings[0]?.subjects.hosts).toEqual(['vpn', 'phone', 'laptop']);
    });

    it('is an error per tunnel when the server has no endpoint, since then nobody can dial it', () => {
      const findings = runRule(tunnelHandshake, road({}));
      expect(codesOf(findings)).toEqual(['tunnel-no-endpoint', 'tunnel-no-endpoint']);
      expect(findings[0]?.message).toContain("phone dials in, but vpn has no endpoint for it to dial, so tunnel t-vpn-phone never comes up. Fill in vpn's endpoint");
    });

    it('treats an external host that does not dial in as before', () => {
      expect(codesOf(runRule(tunnelHandshake, road({}, false)))).toEqual(['tunnel-no-endpoint', 'tunnel-no-endpoint']);
      expect(runRule(tunnelHandshake, road({}, false))[0]?.message).toContain('Neither vpn nor phone has an endpoint');
    });

    it('never takes a managed host for a dialler, whatever its dialsIn says', () => {
      const d = sketchDesign({ hosts: [{ id: 'a', dialsIn: true }, { id: 'b' }], tunnels: [['a', 'b']] });
      expect(runRule(tunnelHandshake, d)[0]?.message).toContain('Neither a nor b has an endpoint');
    });
  });
});
