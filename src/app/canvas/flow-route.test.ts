import { describe, expect, it } from 'vitest';
import { routedPath } from './flow-route';

describe('routedPath', () => {
  it('runs a direct flow beside the line between its ends', () => {
    const { d, mid } = routedPath([{ x: 0, y: 0 }, { x: 100, y: 0 }], 10, 0.5);
    expect(d).toBe('M 0,10 L 100,10');
    expect(mid).toEqual({ x: 50, y: 10 });
  });

  it('bends through the hosts on the path', () => {
    const { d } = routedPath([{ x: 0, y: 0 }, { x: 200, y: 0 }, { x: 200, y: 200 }], 0);
    expect(d.startsWith('M 0,0 L 170,0 Q 200,0 200,30')).toBe(true);
    expect(d.endsWith('L 200,200')).toBe(true);
  });
});
