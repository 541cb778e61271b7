import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { fixtureDesign } from '../../testing/fixture-design';
import { afterFix, codesOf, runRule } from '../../testing/rule-harness';
import { allowedIPsOverlap } from './allowed-ips-overlap';

/** A hub with two spokes whose AllowedIPs on the hub side are pinned, as an import keeps hand-written ones. */
const hub = (toA: string[], toB: string[] | null) => sketchDesign({
  hosts: [{ id: 'hub', role: 'gateway', endpoint: ep(1) }, { id: 'a', name: 'Site A' }, { id: 'b', name: 'Site B' }],
  tunnels: [['hub', 'a', { allowedIPs: { ab: toA, ba: null } }], ['hub', 'b', { allowedIPs: toB ? { ab: toB, ba: null } : null }]],
});

describe('allowed-ips-overlap', () => {
  it('reports one prefix under two peers, saying which peer WireGuard keeps it for', () => {
    const [f] = runRule(allowedIPsOverlap, hub(['10.0.0.0/24'], ['10.0.0.0/24']));
    expect(f?.code).toBe('allowed-ips-duplicate');
    expect(f?.severity).toBe('error');
    expect(f?.message).toMatch(/^On hub, 10\.0\.0\.0\/24 is in the AllowedIPs of Site A \(a\) and Site B \(b\): WireGuard keeps a prefix under one peer only \(here Site B \(b\), configured last\)/);
    expect(f?.subjects).toEqual({ hosts: ['hub', 'a', 'b'], tunnels: ['t-hub-a', 't-hub-b'] });
  });

  it('fixes it by letting the engine compute those AllowedIPs, after which nothing overlaps', () => {
    const d = hub(['10.0.0.0/24'], ['10.0.0.0/24']);
    const [f] = runRule(allowedIPsOverlap, d);
    expect(f?.fix?.changes).toEqual([
      { target: 'tunnel', id: 't-hub-a', set: { 'allowedIPs.ab': null } },
      { target: 'tunnel', id: 't-hub-b', set: { 'allowedIPs.ab': null } },
    ]);
    expect(afterFix(allowedIPsOverlap, d, f)).toEqual([]);
  });

  it('warns about a prefix inside another peer\'s wider one and says where each part goes', () => {
    const found = runRule(allowedIPsOverlap, hub(['10.10.0.0/16'], null));
    expect(codesOf(found)).toEqual(['allowed-ips-nested']);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.message).toBe('On hub, 10.10.0.0/16 goes to Site A (a), but inside it 10.10.1.2/32 goes to Site B (b): the longest prefix wins, so only the rest of 10.10.0.0/16 reaches Site A (a). Check that this split is intended.');
  });

  it('gathers every prefix inside one wider prefix into one warning', () => {
    const found = runRule(allowedIPsOverlap, hub(['0.0.0.0/0'], ['10.20.0.0/24', '10.20.1.0/24']));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('On hub, 0.0.0.0/0 goes to Site A (a), but inside it 10.20.0.0/24 and 10.20.1.0/24 go to Site B (b)');
  });

  it('says nothing of computed AllowedIPs, or of nesting under one peer', () => {
    expect(runRule(allowedIPsOverlap, fixtureDesign('hub-and-spoke'))).toEqual([]);
    expect(runRule(allowedIPsOverlap, hub(['10.10.1.0/24', '10.10.1.1/32'], null))).toEqual(
      runRule(allowedIPsOverlap, hub(['10.10.1.0/24'], null)),
    );
  });
});
