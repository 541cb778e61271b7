import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../testing/fixture-design';
import { designCounts } from './design-counts';

describe('designCounts', () => {
  it('counts hosts, tunnels and flows in the right number', () => {
    const d = fixtureDesign('point-to-point');
    expect(designCounts(d)).toBe('2 hosts · 1 tunnel · 1 flow');
    expect(designCounts({ hosts: d.hosts.slice(0, 1), tunnels: [], flows: [] }, ', ')).toBe('1 host, 0 tunnels, 0 flows');
  });
});
