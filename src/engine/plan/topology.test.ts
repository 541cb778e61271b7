import { describe, expect, it } from 'vitest';
import { generateDesign } from '../testing/generate-design';
import { ParsedHosts } from './parsed-host';
import { buildTopology, tunnelBetween } from './topology';

describe('tunnelBetween', () => {
  // A hub with two dozen tunnels and spokes with one, plus a second tunnel between the hub and app-0.
  const design = generateDesign({ shape: 'hub-and-spoke', hosts: 24 });
  const first = design.tunnels.find((t) => t.b === 'app-0');
  const again = { ...(first as NonNullable<typeof first>), id: 't-app-0-again', a: 'app-0', b: 'hub' };
  const topo = buildTopology({ ...design, tunnels: [...design.tunnels, again] }, new ParsedHosts());

  it('finds a tunnel from either end, a hub\'s as a spoke\'s', () => {
    expect(topo.tunnels.get('hub')).toHaveLength(24);
    expect(tunnelBetween(topo, 'hub', 'db-0')?.id).toBe('t-db-0');
    expect(tunnelBetween(topo, 'db-0', 'hub')?.id).toBe('t-db-0');
  });

  it('gives the last of two tunnels between one pair, whichever way each was drawn', () => {
    expect(first?.id).toBe('t-app-0');
    expect(tunnelBetween(topo, 'hub', 'app-0')?.id).toBe('t-app-0-again');
    expect(tunnelBetween(topo, 'app-0', 'hub')?.id).toBe('t-app-0-again');
  });

  it('finds none between hosts without a tunnel, or for a host the design lacks', () => {
    expect(tunnelBetween(topo, 'app-0', 'app-1')).toBeUndefined();
    expect(tunnelBetween(topo, 'app-1', 'db-0')).toBeUndefined();
    expect(tunnelBetween(topo, 'nobody', 'hub')).toBeUndefined();
  });
});
