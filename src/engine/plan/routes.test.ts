import { describe, expect, it } from 'vitest';
import type { Host } from '../model/design';
import { formatPrefix, parsePrefix } from '../net';
import { Routes } from './routes';
import { numberHosts } from './host-numbers';

const hosts = (n: number) => numberHosts(Array.from({ length: n }, (_, i) => ({ id: `h${i}` }) as Host));
const P = parsePrefix;

/** A host's entries as "peer prefix" texts, in chain order. */
function listed(routes: Routes, hostId: string): string[] {
  const out: string[] = [];
  for (let e = routes.first(hostId); e >= 0; e = routes.nextOf(e)) out.push(`${routes.peerOf(e)} ${formatPrefix(routes.prefixOf(e))}`);
  return out;
}

describe('Routes', () => {
  it('keeps each network of a host under the first peer that asked for it, in the order added', () => {
    const r = new Routes(hosts(3));
    expect(r.add('h0', 'h1', P('10.0.0.7/24'))).toBeNull();
    expect(r.add('h0', 'h1', P('10.0.0.0/24'))).toBeNull();
    expect(r.add('h0', 'h2', P('10.0.0.9/24'))).toBe('h1');
    expect(r.add('h0', 'h2', P('10.0.0.0/25'))).toBeNull();
    expect(r.add('h0', 'h2', P('2001:db8::5/64'))).toBeNull();
    expect(r.add('h0', 'h1', P('2001:db8::/64'))).toBe('h2');
    // The same network on another host is that host's own.
    expect(r.add('h1', 'h0', P('10.0.0.0/24'))).toBeNull();
    expect(listed(r, 'h0')).toEqual(['h1 10.0.0.0/24', 'h2 10.0.0.0/25', 'h2 2001:db8::/64']);
    expect(listed(r, 'h1')).toEqual(['h0 10.0.0.0/24']);
    expect(listed(r, 'h2')).toEqual([]);
  });

  it('ignores hosts the design does not have', () => {
    const r = new Routes(hosts(2));
    expect(r.add('ghost', 'h1', P('10.0.0.1/32'))).toBeNull();
    expect(r.add('h0', 'ghost', P('10.0.0.1/32'))).toBeNull();
    expect(r.first('ghost')).toBe(-1);
    expect(listed(r, 'h0')).toEqual([]);
  });

  it('finds every network again after its store and hash table have grown many times', () => {
    const r = new Routes(hosts(50));
    // 50 hosts x 400 networks: far past the sizes the store starts with, with the same networks on every host.
    for (let h = 0; h < 50; h++) {
      for (let k = 0; k < 400; k++) expect(r.add(`h${h}`, `h${(h + 1 + (k % 3)) % 50}`, P(`10.${k >> 8}.${k & 255}.0/24`))).toBeNull();
    }
    for (let h = 0; h < 50; h += 7) {
      for (let k = 0; k < 400; k += 13) expect(r.add(`h${h}`, `h${(h + 4) % 50}`, P(`10.${k >> 8}.${k & 255}.1/24`))).toBe(`h${(h + 1 + (k % 3)) % 50}`);
    }
    expect(listed(r, 'h49')).toHaveLength(400);
    expect(listed(r, 'h49')[399]).toBe('h0 10.1.143.0/24');
  });

  it('refuses to be read once a newer table has reused the store', () => {
    const old = new Routes(hosts(2));
    old.add('h0', 'h1', P('10.0.0.1/32'));
    const current = new Routes(hosts(2));
    expect(() => old.first('h0')).toThrow(/newer plan/);
    expect(() => old.add('h0', 'h1', P('10.0.0.2/32'))).toThrow(/newer plan/);
    expect(current.first('h0')).toBe(-1);
  });
});
