import { describe, expect, it } from 'vitest';
import { formatPrefix, parsePrefix } from '../net';
import { Routes } from './routes';

const P = parsePrefix;

/** A host's routes as "peer prefix" texts, in the order added. */
const listed = (routes: Routes, hostId: string) => [...routes.listOf(hostId)].map((r) => `${r.peer} ${formatPrefix(r.prefix)}`);

describe('Routes', () => {
  it('keeps each network of a host under the first peer that asked for it, in the order added', () => {
    const r = new Routes();
    expect(r.of('h0').add('h1', P('10.0.0.7/24'))).toBeNull();
    expect(r.of('h0').add('h1', P('10.0.0.0/24'))).toBeNull();
    expect(r.of('h0').add('h2', P('10.0.0.9/24'))).toBe('h1');
    expect(r.of('h0').add('h2', P('10.0.0.0/25'))).toBeNull();
    expect(r.of('h0').add('h2', P('2001:db8::5/64'))).toBeNull();
    expect(r.of('h0').add('h1', P('2001:db8::/64'))).toBe('h2');
    // The same network on another host is that host's own.
    expect(r.of('h1').add('h0', P('10.0.0.0/24'))).toBeNull();
    expect(listed(r, 'h0')).toEqual(['h1 10.0.0.0/24', 'h2 10.0.0.0/25', 'h2 2001:db8::/64']);
    expect(listed(r, 'h1')).toEqual(['h0 10.0.0.0/24']);
    expect(listed(r, 'h2')).toEqual([]);
  });

  it('keeps two tables apart: plans may nest', () => {
    const outer = new Routes();
    outer.of('h0').add('h1', P('10.0.0.1/32'));
    const inner = new Routes();
    inner.of('h0').add('h1', P('10.0.0.2/32'));
    expect(listed(outer, 'h0')).toEqual(['h1 10.0.0.1/32']);
    expect(listed(inner, 'h0')).toEqual(['h1 10.0.0.2/32']);
  });
});
