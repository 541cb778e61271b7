import { describe, expect, it } from 'vitest';
import { reuseUnchanged } from './reuse-unchanged';

describe('reuseUnchanged', () => {
  it('keeps the previous object when nothing it holds changed, and takes the new one otherwise', () => {
    const host = { id: 'h' };
    const a = { id: 'a', position: { x: 1, y: 2 }, data: { host, severity: null }, selected: false };
    const b = { id: 'b', position: { x: 5, y: 5 }, data: { host, severity: null }, selected: false };
    const first = reuseUnchanged(new Map(), [a, b]);
    const again = reuseUnchanged(first.byId, [
      { id: 'a', position: { x: 1, y: 2 }, data: { host, severity: null }, selected: false },
      { id: 'b', position: { x: 5, y: 5 }, data: { host, severity: null }, selected: true },
    ]);
    expect(again.items[0]).toBe(a);
    expect(again.items[1]).not.toBe(b);
    expect(again.items[1]?.selected).toBe(true);
    const moved = reuseUnchanged(again.byId, [{ id: 'a', position: { x: 9, y: 2 }, data: { host, severity: null }, selected: false }]);
    expect(moved.items[0]).not.toBe(a);
    expect(moved.byId.has('b')).toBe(false);
  });
});
