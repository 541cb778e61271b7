import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../src/engine/__fixtures__';
import { completeDesign, parseDesign, seededRandom } from '../../src/engine';
import type { Design } from '../../src/engine';
import { ADDED_HOST, addAppHost, addedUnderlay } from './added-host';
import { planUnderlay } from '../../src/cli/prove/underlay-plan';

const file = (name: string) => FIXTURES[name] as Record<string, unknown>;
const fixtureDesign = (name: string, json: unknown = FIXTURES[name]): Design => {
  const r = parseDesign(json);
  if (!r.ok) throw new Error(`${name} does not parse`);
  return completeDesign(r.value, { random: seededRandom(1), keys: true }).design;
};

describe('addAppHost', () => {
  it('puts the host first and tunnels it to the hub that routes to the database', () => {
    const a = addAppHost(file('hub-and-spoke'), fixtureDesign('hub-and-spoke'));
    expect(a).toMatchObject({ db: 'pg-primary', via: 'hub' });
    const hosts = a?.json.hosts as Array<{ id: string }>;
    expect(hosts[0]?.id).toBe(ADDED_HOST);
    expect(hosts.slice(1).map((h) => h.id)).toEqual((file('hub-and-spoke').hosts as Array<{ id: string }>).map((h) => h.id));
    expect(a?.json.flows).toContainEqual({ id: `f-${ADDED_HOST}`, from: ADDED_HOST, to: 'pg-primary', port: 5432 });
  });

  it('tunnels straight to a database that can be dialled when no gateway routes to it, on its underlay family', () => {
    const a = addAppHost(file('ipv6-pppoe'), fixtureDesign('ipv6-pppoe'));
    expect(a).toMatchObject({ db: 'pg-v6', via: 'pg-v6' });
    expect((a?.json.hosts as Array<{ underlay: unknown }>)[0]?.underlay).toEqual({ mtu: 1500, family: 'ipv6' });
  });

  it('leaves the input untouched', () => {
    const before = JSON.stringify(file('primary-replica'));
    addAppHost(file('primary-replica'), fixtureDesign('primary-replica'));
    expect(JSON.stringify(file('primary-replica'))).toBe(before);
  });
});

describe('addedUnderlay', () => {
  it('gives the new host an address no running host holds', () => {
    const design = fixtureDesign('hub-and-spoke');
    const running = planUnderlay(design);
    const added = addAppHost(file('hub-and-spoke'), design);
    const next = planUnderlay(fixtureDesign('hub-and-spoke', added?.json));
    const u = addedUnderlay(running, next, ADDED_HOST);
    expect(running.hosts.map((h) => h.address)).not.toContain(u.address);
    expect(u).toMatchObject({ hostId: ADDED_HOST, family: 4, nat: null });
  });
});
