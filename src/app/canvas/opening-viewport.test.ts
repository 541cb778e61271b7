import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../engine/testing/generate-design';
import { busiestHost, openingViewport } from './opening-viewport';

const PANE = { width: 1000, height: 800 };

describe('openingViewport', () => {
  it('leaves a design that fits readably to fitView', () => {
    expect(openingViewport(generateDesign({ shape: 'hub-and-spoke', hosts: 6 }), PANE)).toBeNull();
  });

  it('opens a design too large to read when fitted at 100 % on its busiest host', () => {
    const d = generateDesign({ shape: 'hub-and-spoke', hosts: 300 });
    d.hosts = d.hosts.map((h, i) => ({ ...h, position: { x: (i % 30) * 240, y: Math.floor(i / 30) * 130 } }));
    const hub = busiestHost(d);
    expect(d.tunnels.filter((t) => t.a === hub?.id || t.b === hub?.id)).toHaveLength(299);
    const v = openingViewport(d, PANE);
    expect(v?.zoom).toBe(1);
    // The hub's card is centred in the pane.
    expect((hub?.position.x ?? 0) + 105 + (v?.x ?? 0)).toBe(500);
    expect((hub?.position.y ?? 0) + 48 + (v?.y ?? 0)).toBe(400);
  });

  it('has no opinion on an empty design or a pane not laid out yet', () => {
    expect(openingViewport(generateDesign({ shape: 'hub-and-spoke', hosts: 6 }), { width: 0, height: 0 })).toBeNull();
  });
});
