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

  it('returns the previous list itself when every item is kept in order, so what is derived from it is not redone', () => {
    const host = { id: 'h' };
    const item = (id: string, x: number) => ({ id, position: { x, y: 0 }, data: { host, severity: null } });
    const first = reuseUnchanged(new Map(), [item('a', 1), item('b', 2)]);
    expect(reuseUnchanged(first.byId, [item('a', 1), item('b', 2)], first.items).items).toBe(first.items);
    expect(reuseUnchanged(first.byId, [item('a', 1), item('b', 3)], first.items).items).not.toBe(first.items);
    expect(reuseUnchanged(first.byId, [item('b', 2), item('a', 1)], first.items).items).not.toBe(first.items);
  });
});
