import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../engine/testing/generate-design';
import { busiestHost, openingViewport } from './opening-viewport';

const PANE = { width: 1000, height: 800 };

describe('openingViewport', () => {
  it('fits a design that fits readably: every card inside the pane', () => {
    const d = generateDesign({ shape: 'hub-and-spoke', hosts: 6 });
    d.hosts = d.hosts.map((h, i) => ({ ...h, position: { x: i * 240, y: 0 } }));
    const v = openingViewport(d, PANE);
    expect(v.zoom).toBeGreaterThan(0.45);
    for (const h of d.hosts) {
      expect(h.position.x * v.zoom + v.x).toBeGreaterThanOrEqual(0);
      expect((h.position.x + 210) * v.zoom + v.x).toBeLessThanOrEqual(PANE.width);
    }
  });

  it('opens a design too large to read when fitted at 100 % on its busiest host', () => {
    const d = generateDesign({ shape: 'hub-and-spoke', hosts: 300 });
    d.hosts = d.hosts.map((h, i) => ({ ...h, position: { x: (i % 30) * 240, y: Math.floor(i / 30) * 130 } }));
    const hub = busiestHost(d);
    expect(d.tunnels.filter((t) => t.a === hub?.id || t.b === hub?.id)).toHaveLength(299);
    const v = openingViewport(d, PANE);
    expect(v.zoom).toBe(1);
    // The hub's card is centred in the pane.
    expect((hub?.position.x ?? 0) + 105 + v.x).toBe(500);
    expect((hub?.position.y ?? 0) + 48 + v.y).toBe(400);
  });

  it('opens an empty design, or a pane not laid out yet, at 100 % with the flow origin at the top left', () => {
    const d = generateDesign({ shape: 'hub-and-spoke', hosts: 6 });
    expect(openingViewport(d, { width: 0, height: 0 })).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(openingViewport({ ...d, hosts: [], tunnels: [], flows: [] }, PANE)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
