import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { parseDesign } from '../parse-design';
import { renameHost } from './edit-design';
import { removeItems } from './remove-items';

const design = (withTests = true) => sketchDesign({
  hosts: [
    { id: 'gw', role: 'gateway', endpoint: ep(1), lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.5.20', port: 5432 }] },
    { id: 'pg', role: 'db', endpoint: ep(2) },
    { id: 'pg-2', role: 'db', endpoint: ep(3) },
    { id: 'app-1' },
  ],
  ...(withTests ? { tests: [
    { from: 'app-1', reach: ['pg:5432', 'gw/rds:5432', 'role:db:5432'], never: ['pg-2:22', '*:22'] },
    { from: 'pg', reach: ['pg-2:5432'] },
  ] } : {}),
});

describe('host edits keep the tests valid', () => {
  it('renames the host in from and in targets, not a longer id that starts with it', () => {
    const d = renameHost(design(), 'pg', 'orders-db');
    expect(d.tests).toEqual([
      { from: 'app-1', reach: ['orders-db:5432', 'gw/rds:5432', 'role:db:5432'], never: ['pg-2:22', '*:22'] },
      { from: 'orders-db', reach: ['pg-2:5432'], never: [] },
    ]);
    expect(renameHost(design(), 'gw', 'vpc').tests?.[0]?.reach[1]).toBe('vpc/rds:5432');
    expect(parseDesign(d).ok).toBe(true);
  });

  it('drops a removed host\'s tests and the targets naming it, keeping groups', () => {
    const d = removeItems(design(), { hosts: ['pg', 'gw'], tunnels: [], flows: [] });
    expect(d.tests).toEqual([{ from: 'app-1', reach: ['role:db:5432'], never: ['pg-2:22', '*:22'] }]);
    expect(parseDesign(d).ok).toBe(true);
  });

  it('adds no tests field to a design without one', () => {
    expect('tests' in renameHost(design(false), 'pg', 'x')).toBe(false);
    expect('tests' in removeItems(design(false), { hosts: ['pg'], tunnels: [], flows: [] })).toBe(false);
  });
});
