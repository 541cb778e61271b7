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
});
