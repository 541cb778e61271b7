import { describe, expect, it } from 'vitest';
import { sketchDesign, v4, v6 } from '../../testing/design-builder';
import { fixtureDesign } from '../../testing/fixture-design';
import { runRule } from '../../testing/rule-harness';
import { tunnelFamily } from './tunnel-family';

const pair = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  sketchDesign({ hosts: [{ id: 'a', name: 'Branch', ...a }, { id: 'b', ...b }], tunnels: [['a', 'b']] });

describe('tunnel-family', () => {
  it('reports an IPv4-only host that must dial an IPv6 endpoint', () => {
    const [f] = runRule(tunnelFamily, pair({ underlay: v4() }, { underlay: v6(), endpoint: '[2001:db8::2]:51820' }));
    expect(f?.code).toBe('tunnel-family-mismatch');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe("Tunnel t-a-b between Branch (a) and b can never come up: a's underlay is IPv4 and b's endpoint [2001:db8::2]:51820 is IPv6, and a has no endpoint. Give the hosts endpoints of a family both underlays have.");
  });

  it('takes a DNS endpoint to be of its host\'s underlay family', () => {
    const found = runRule(tunnelFamily, pair({ underlay: v6() }, { underlay: v4(), endpoint: 'db.example.com:51820' }));
    expect(found[0]?.message).toContain("b's endpoint db.example.com:51820 is IPv4");
  });

  it('says nothing when one side can dial the other, or a family is unknown', () => {
    expect(runRule(tunnelFamily, pair({ underlay: v6() }, { underlay: v6(), endpoint: '[2001:db8::2]:51820' }))).toEqual([]);
    // Endpoints on both sides do not help when each side speaks only its own family.
    expect(runRule(tunnelFamily, pair({ underlay: v4(), endpoint: '198.51.100.1:51820' }, { underlay: v6(), endpoint: '[2001:db8::2]:51820' }))).toHaveLength(1);
    expect(runRule(tunnelFamily, pair({}, { underlay: v6(), endpoint: '[2001:db8::2]:51820' }))).toEqual([]);
    expect(runRule(tunnelFamily, fixtureDesign('ipv6-pppoe'))).toEqual([]);
  });
});
