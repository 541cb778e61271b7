import { describe, expect, it } from 'vitest';
import type { Design } from '../model/design';
import { fixtureDesign } from '../testing/fixture-design';
import { validateDesign } from './validate-design';

/** A fixture with its third host given the second host's first address. */
function withDuplicate(name: string): Design {
  const d = fixtureDesign(name);
  const taken = d.hosts[1]?.addresses[0] as string;
  return { ...d, hosts: d.hosts.map((h, i) => (i === 2 ? { ...h, addresses: [taken, ...h.addresses.slice(1)] } : h)) };
}

// One problem, one finding: a duplicate address used to show as five or more errors (address-duplicate, a
// route-conflict per flow and direction, allowed-ips-self on both holders, the flows it blocked) and a pool warning.
describe.each(['hub-and-spoke', 'primary-replica', 'mesh-3'])('one duplicate address in %s', (name) => {
  const d = withDuplicate(name);
  const found = validateDesign(d).filter((f) => f.code !== 'endpoint-documentation');

  it('is exactly one error, naming both hosts', () => {
    expect(found.map((f) => f.code)).toEqual(['address-duplicate']);
    expect(found[0]?.subjects.hosts).toEqual([d.hosts[1]?.id, d.hosts[2]?.id]);
    expect(found[0]?.message).toContain(`is the overlay address of ${d.hosts[1]?.name}`);
  });

  it('names the flows that use it, whose checks wait until it is unique', () => {
    const f = found[0];
    expect(f?.subjects.flows?.length).toBeGreaterThan(0);
    for (const id of f?.subjects.flows ?? []) expect(f?.message).toContain(id);
  });
});
