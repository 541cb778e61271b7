import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../engine/testing/generate-design';
import { wholeDesignChange } from './whole-design-change';

const base = generateDesign({ shape: 'hub-and-spoke', hosts: 10 });
const moved = (dx: number, count: number) => ({
  ...base,
  hosts: base.hosts.map((h, i) => (i < count ? { ...h, position: { x: h.position.x + dx, y: h.position.y } } : h)),
});

describe('wholeDesignChange', () => {
  it('is true for another design and for a layout that moved most hosts', () => {
    expect(wholeDesignChange(base, generateDesign({ shape: 'full-mesh', hosts: 4 }))).toBe(true);
    expect(wholeDesignChange(base, moved(300, 8))).toBe(true);
  });

  it('is false for an ordinary edit: one card dragged, one host added or removed', () => {
    expect(wholeDesignChange(base, moved(40, 1))).toBe(false);
    expect(wholeDesignChange(base, { ...base, hosts: base.hosts.slice(1) })).toBe(false);
    expect(wholeDesignChange(base, base)).toBe(false);
  });

  it('is false when the result is empty: there is nothing to fit', () => {
    expect(wholeDesignChange(base, { ...base, hosts: [] })).toBe(false);
  });
});
