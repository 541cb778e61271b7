import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { afterFix, fixed, runRule } from '../../testing/rule-harness';
import { lanOverlap } from './lan-overlap';

const sites = (a: string, b: string, more: string[] = []) => sketchDesign({
  hosts: [
    { id: 'gw-a', name: 'Office', role: 'gateway', endpoint: ep(1), lans: [a] },
    { id: 'gw-b', name: 'Branch', role: 'gateway', endpoint: ep(2), lans: [b],
      services: [{ id: 'erp', address: b.replace(/\.0\/\d+$/, '.20'), port: 5432 }] },
    ...more.map((lan, i) => ({ id: `gw-${i}`, role: 'gateway', endpoint: ep(10 + i), lans: [lan] })),
  ],
  tunnels: [['gw-a', 'gw-b']],
});

describe('lan-overlap', () => {
  it('reports two sites with the same lan and suggests renumbering the second', () => {
    const [f] = runRule(lanOverlap, sites('192.168.1.0/24', '192.168.1.0/24'));
    expect(f?.code).toBe('lan-overlap');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe("Office (gw-a) and Branch (gw-b) have the same lan 192.168.1.0/24: a prefix can be routed to one site only, so traffic for one site would reach the other. Renumber one site (e.g. Branch (gw-b)'s lan to 192.168.2.0/24), or put NAT in front of it.");
  });

  it('renumbers the lan and the services in it by the same offset, and the clash goes away', () => {
    const d = sites('192.168.1.0/24', '192.168.1.0/24');
    const [f] = runRule(lanOverlap, d);
    const after = fixed(d, f).hosts[1];
    expect(after?.lans).toEqual(['192.168.2.0/24']);
    expect(after?.services[0]?.address).toBe('192.168.2.20');
    expect(afterFix(lanOverlap, d, f)).toEqual([]);
  });

  it('skips ranges that are taken when it looks for a free one', () => {
    const [f] = runRule(lanOverlap, sites('192.168.1.0/24', '192.168.1.0/24', ['192.168.2.0/23']));
    expect(f?.fix?.label).toBe("Renumber Branch (gw-b)'s lan to 192.168.4.0/24");
  });

  it('reports a lan inside another site\'s lan and says which part is lost', () => {
    const [f] = runRule(lanOverlap, sites('10.20.0.0/16', '10.20.5.0/24'));
    expect(f?.message).toMatch(/^Branch \(gw-b\)'s lan 10\.20\.5\.0\/24 lies inside Office \(gw-a\)'s lan 10\.20\.0\.0\/16: the longest prefix wins/);
    expect(f?.fix?.changes[0]).toMatchObject({ target: 'host', id: 'gw-b', set: { lans: ['10.21.0.0/24'] } });
  });

  it('offers no renumbering outside the private ranges, but still reports', () => {
    const [f] = runRule(lanOverlap, sites('198.51.100.0/24', '198.51.100.0/24'));
    expect(f?.fix).toBeUndefined();
  });

  it('says nothing of distinct lans, or of lans of one host', () => {
    expect(runRule(lanOverlap, sites('192.168.1.0/24', '192.168.2.0/24'))).toEqual([]);
    const one = sketchDesign({ hosts: [{ id: 'gw', role: 'gateway', lans: ['10.0.0.0/8', '10.1.0.0/16'] }] });
    expect(runRule(lanOverlap, one)).toEqual([]);
  });
});
