import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../../testing/fixture-design';
import { mergeDesign } from './merge-design';

describe('merge an import as new hosts', () => {
  it('keeps every current host and adds the imported ones, renaming taken ids and their references', () => {
    const current = fixtureDesign('hub-and-spoke');
    const incoming = fixtureDesign('hub-and-spoke', 2);
    const r = mergeDesign(current, incoming);
    if ('error' in r) throw new Error(r.error);
    const ids = r.design.hosts.map((h) => h.id);
    expect(ids).toHaveLength(current.hosts.length * 2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, current.hosts.length)).toEqual(current.hosts.map((h) => h.id));
    expect(r.design.name).toBe(current.name);
    // Every imported tunnel joins two imported hosts, under their new ids.
    const added = new Set(ids.slice(current.hosts.length));
    for (const t of r.design.tunnels.slice(current.tunnels.length)) expect([added.has(t.a), added.has(t.b)]).toEqual([true, true]);
    // Placed to the right of everything already there.
    const right = Math.max(...current.hosts.map((h) => h.position.x));
    for (const h of r.design.hosts.slice(current.hosts.length)) expect(h.position.x).toBeGreaterThan(right);
  });

  it('says why when the two cannot live in one design', () => {
    const current = fixtureDesign('point-to-point');
    // The same configs imported again: the same interfaces, which merged would be two hosts with one key.
    const r = mergeDesign(current, current);
    expect('error' in r ? r.error : 'merged').toMatch(/2 hosts of the import are already in this design with the same public key/);
  });
});
