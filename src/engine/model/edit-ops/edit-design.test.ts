import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../../testing/fixture-design';
import { editHost } from './edit-design';

describe('renaming a host', () => {
  it('renames every reference, failover groups included, so the design still parses', () => {
    const r = editHost(fixtureDesign('primary-replica'), 'pg-primary', { id: 'orders-a' });
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path} ${e.message}`).join('; '));
    expect(r.value.failover[0]).toMatchObject({ primary: 'orders-a', replica: 'pg-replica' });
    expect(r.value.tunnels.some((t) => t.a === 'orders-a' || t.b === 'orders-a')).toBe(true);
  });
});
