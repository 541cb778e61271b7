import { describe, expect, it } from 'vitest';
import { bundlePath, bundleSegments, nearestSegment, routeSegments } from './bundle-path';

const boxes = new Map([
  ['a', { x: 0, y: 0, width: 100, height: 50 }],
  ['b', { x: 300, y: 0, width: 100, height: 50 }],
  ['c', { x: 0, y: 300 }],
]);
const tunnels = [{ id: 't1', a: 'a', b: 'b' }, { id: 't2', a: 'a', b: 'c' }, { id: 't3', a: 'a', b: 'gone' }];

describe('tunnel bundle', () => {
  it('draws each tunnel between card borders, in one path, skipping tunnels to missing hosts', () => {
    const segs = bundleSegments(tunnels, (id) => boxes.get(id));
    expect(segs.map((s) => s.id)).toEqual(['t1', 't2']);
    expect(segs[0]).toMatchObject({ s: { x: 102, y: 25 }, t: { x: 298, y: 25 } });
    expect(bundlePath(segs.slice(0, 1))).toBe('M102 25L298 25');
    expect(bundlePath([segs[0], segs[0]].flatMap((g) => (g ? [g] : [])))).toBe('M102 25L298 25');
  });

  it('finds the tunnel a click lands on, within reach only', () => {
    const segs = bundleSegments(tunnels, (id) => boxes.get(id));
    expect(nearestSegment(segs, { x: 200, y: 28 }, 8)).toBe('t1');
    expect(nearestSegment(segs, { x: 200, y: 60 }, 8)).toBeUndefined();
  });
});

describe('flow bundle', () => {
  it('draws a routed flow hop by hop under its own id', () => {
    const segs = routeSegments([{ id: 'f1', hosts: ['b', 'a', 'c'] }], (id) => boxes.get(id));
    expect(segs.map((s) => s.id)).toEqual(['f1', 'f1']);
    expect(segs[0]).toMatchObject({ s: { x: 298, y: 25 }, t: { x: 102, y: 25 } });
  });
});
