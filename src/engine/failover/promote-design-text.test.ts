import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../__fixtures__';
import { parseDesignText } from '../model/parse-design';
import { promoteInDesignText } from './promote-design-text';
import { promoted } from './promotions';

const fixtureText = `${JSON.stringify(FIXTURES['primary-replica'], null, 2)}\n`;
const handFormatted = '{ "format": "wg-designer/1",\n  "failover": [ {"id":"a","primary":"pg-1","replica":"pg-2"},\n'
  + '    { "replica" : "pg-4", "id": "orders", "address": "10.0.0.9",   "primary":"pg-3" } ] }\n';

describe('promoteInDesignText', () => {
  it('swaps primary and replica of the group and changes no other byte, in any layout and key order', () => {
    const r = promoteInDesignText(handFormatted, 'orders');
    expect(r).toEqual({
      ok: true, primary: 'pg-4', replica: 'pg-3', changed: true,
      text: handFormatted.replace('"replica" : "pg-4"', '"replica" : "pg-3"').replace('"primary":"pg-3"', '"primary":"pg-4"'),
    });
  });

  it('gives the design promoted() plans from, so the next export makes the promoted member the primary', () => {
    const r = promoteInDesignText(fixtureText, 'orders');
    if (!r.ok) throw new Error(r.problem);
    const before = parseDesignText(fixtureText);
    const after = parseDesignText(r.text);
    if (!before.ok || !after.ok) throw new Error('the fixture parses');
    expect(after.value).toEqual(promoted(before.value, 'orders'));
    expect(r.text.split('\n').filter((l, n) => l !== fixtureText.split('\n')[n])).toHaveLength(2);
  });

  it('with a member named, makes it primary once and then changes nothing (a repeated command cannot fail back)', () => {
    const once = promoteInDesignText(fixtureText, 'orders', 'pg-replica');
    if (!once.ok) throw new Error(once.problem);
    expect(once.changed).toBe(true);
    expect(promoteInDesignText(once.text, 'orders', 'pg-replica')).toEqual({ ok: true, text: once.text, primary: 'pg-replica', replica: 'pg-primary', changed: false });
  });

  it('names the flag when the group or member is unknown', () => {
    expect(promoteInDesignText(fixtureText, 'billing')).toEqual({ ok: false, problem: '--group billing: the design has no failover group "billing" (its groups: orders)' });
    expect(promoteInDesignText('{"hosts":[]}', 'orders')).toEqual({ ok: false, problem: '--group orders: the design has no failover group "orders" (it has no failover groups)' });
    expect(promoteInDesignText(fixtureText, 'orders', 'app-1')).toEqual({ ok: false, problem: '--host app-1: not a member of failover group orders (its members: pg-primary, pg-replica)' });
  });
});
