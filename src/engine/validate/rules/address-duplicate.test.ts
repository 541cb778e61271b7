import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { afterFix, fixed, runRule } from '../../testing/rule-harness';
import { addressDuplicate } from './address-duplicate';

describe('address-duplicate', () => {
  const d = sketchDesign({
    hosts: [
      { id: 'app-1', name: 'API 1', addresses: ['10.10.1.1/32'] },
      { id: 'app-2', name: 'API 2', addresses: ['10.10.1.1/32'] },
      { id: 'app-3' },
    ],
  });

  it('reports one address on two hosts, naming both', () => {
    const [f] = runRule(addressDuplicate, d);
    expect(f?.code).toBe('address-duplicate');
    expect(f?.severity).toBe('error');
    expect(f?.message).toMatch(/^10\.10\.1\.1 is the overlay address of API 1 \(app-1\) and API 2 \(app-2\)/);
    expect(f?.subjects.hosts).toEqual(['app-1', 'app-2']);
  });

  it('names the flows that use the address, whose own checks wait until it is unique', () => {
    const withFlow = sketchDesign({
      hosts: [{ id: 'hub', role: 'gateway', endpoint: ep(1) }, { id: 'pg', role: 'db', addresses: ['10.10.0.1/32'] }, { id: 'app', addresses: ['10.10.0.1/32'] }],
      tunnels: [['hub', 'pg'], ['hub', 'app']],
      flows: [{ from: 'app', to: 'pg' }],
    });
    const [f] = runRule(addressDuplicate, withFlow);
    expect(f?.message).toContain('Flow f-app-pg uses it: its checks wait until the address is unique.');
    expect(f?.subjects).toEqual({ hosts: ['pg', 'app'], flows: ['f-app-pg'] });
  });

  it('renumbers the second host to the lowest free address of its pool, and the finding goes away', () => {
    const [f] = runRule(addressDuplicate, d);
    // app-3 was allocated 10.10.1.2, so the next free one is 10.10.1.3.
    expect(f?.fix?.label).toBe('Renumber API 2 (app-2) to 10.10.1.3');
    expect(fixed(d, f).hosts[1]?.addresses).toEqual(['10.10.1.3/32']);
    expect(afterFix(addressDuplicate, d, f)).toEqual([]);
  });

  it('gives two clashes different new addresses, and keeps an external host as it is', () => {
    const two = sketchDesign({
      hosts: [
        { id: 'a', addresses: ['10.10.1.1/32'] }, { id: 'b', addresses: ['10.10.1.1/32'] },
        { id: 'x', external: true, role: 'client', addresses: ['10.10.1.2/32'] }, { id: 'c', addresses: ['10.10.1.2/32'] },
      ],
    });
    const found = runRule(addressDuplicate, two);
    expect(found.map((f) => f.fix?.changes)).toEqual([
      [{ target: 'host', id: 'b', set: { addresses: ['10.10.1.3/32'] } }],
      [{ target: 'host', id: 'c', set: { addresses: ['10.10.1.4/32'] } }],
    ]);
  });

  it('reports a failover group whose floating address a host already has', () => {
    const fo = sketchDesign({
      // Written in the design: the pool allocation itself no longer hands out a group's floating address.
      hosts: [{ id: 'pg-1', role: 'db', addresses: ['10.10.0.1/32'] }, { id: 'pg-2', role: 'db' }],
      failover: [{ id: 'g', address: '10.10.0.1', primary: 'pg-1', replica: 'pg-2' }],
    });
    const [f] = runRule(addressDuplicate, fo);
    expect(f?.message).toContain('floating address 10.10.0.1 of failover group g is also the overlay address of pg-1');
  });

  it('says nothing when every address is distinct, IPv4 and IPv6 alike', () => {
    const ok = sketchDesign({ network: { pools: { ipv6: 'fd10::/64' } }, hosts: [{ id: 'a' }, { id: 'b' }, { id: 'c', role: 'db' }] });
    expect(runRule(addressDuplicate, ok)).toEqual([]);
  });
});
