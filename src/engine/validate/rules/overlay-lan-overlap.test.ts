import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { codesOf, runRule } from '../../testing/rule-harness';
import { overlayLanOverlap } from './overlay-lan-overlap';

const withLan = (lan: string) => sketchDesign({
  hosts: [{ id: 'gw', name: 'Office', role: 'gateway', endpoint: ep(1), lans: [lan] }, { id: 'app-1' }, { id: 'pg', role: 'db' }],
  tunnels: [['gw', 'app-1'], ['gw', 'pg']],
});

describe('overlay-lan-overlap', () => {
  it('reports overlay addresses inside a site lan as an error, naming each address', () => {
    const found = runRule(overlayLanOverlap, withLan('10.10.0.0/16'));
    const inLan = found.find((f) => f.code === 'overlay-in-lan');
    expect(inLan?.severity).toBe('error');
    expect(inLan?.message).toContain("Office (gw)'s lan 10.10.0.0/16 contains the overlay addresses of pg (10.10.0.1), app-1 (10.10.1.1) and Office (gw) (10.10.2.1)");
    expect(inLan?.subjects.hosts).toEqual(['gw', 'pg', 'app-1']);
  });

  it('reports a pool that overlaps a lan, once the pool has no address in it yet', () => {
    const found = runRule(overlayLanOverlap, withLan('10.10.3.0/25'));
    expect(codesOf(found)).toEqual(['pool-lan-overlap']);
    expect(found[0]?.message).toBe("The client pool 10.10.3.0/24 overlaps Office (gw)'s lan 10.10.3.0/25: an address allocated from it may land inside the lan. Choose a client pool outside every site's range.");
  });

  it('does not report pools whose addresses were already reported in that lan', () => {
    expect(codesOf(runRule(overlayLanOverlap, withLan('10.10.0.0/16')))).toEqual(['overlay-in-lan', 'pool-lan-overlap']);
  });

  it('says nothing when lans and overlay are apart, even with lans next to the pools', () => {
    expect(runRule(overlayLanOverlap, withLan('10.10.4.0/24'))).toEqual([]);
    expect(runRule(overlayLanOverlap, withLan('10.9.255.0/24'))).toEqual([]);
  });

  it('finds an address in a wide lan that starts before a narrower one (the quick check keeps the furthest end)', () => {
    // 10.0.0.0/8 holds app-1's 10.10.1.1 (and the pools); the last lan starting before any of them is 10.5.0.0/24,
    // which holds none: only the /8's end, carried along, shows the hit.
    const design = sketchDesign({
      hosts: [
        { id: 'gw', name: 'Office', role: 'gateway', endpoint: ep(1), lans: ['10.0.0.0/8'] },
        { id: 'gw-2', role: 'gateway', endpoint: ep(2), lans: ['10.5.0.0/24'] },
        { id: 'app-1' },
      ],
      tunnels: [['gw', 'app-1'], ['gw', 'gw-2']],
    });
    expect(runRule(overlayLanOverlap, design).find((f) => f.code === 'overlay-in-lan')?.message).toContain('app-1 (10.10.1.1)');
  });
});
