import { describe, expect, it } from 'vitest';
import { sketchDesign } from '../../testing/design-builder';
import { afterFix, fixed, runRule } from '../../testing/rule-harness';
import { addressOutsidePool } from './address-outside-pool';

describe('address-outside-pool', () => {
  it('warns about an address that sits in another role\'s pool, and renumbers it into its own', () => {
    const d = sketchDesign({ hosts: [{ id: 'app-1', addresses: ['10.10.0.9/32'] }, { id: 'pg', role: 'db' }] });
    const [f] = runRule(addressOutsidePool, d);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe('An app host has an address outside the app pool 10.10.1.0/24: app-1 at 10.10.0.9 (in the db pool); a pool is how the configs and the summarised AllowedIPs tell roles apart.');
    expect(fixed(d, f).hosts[0]?.addresses).toEqual(['10.10.1.1/32']);
    expect(afterFix(addressOutsidePool, d, f)).toEqual([]);
  });

  it('gives addresses outside every pool (imported numbering) as one information per role', () => {
    const d = sketchDesign({ hosts: [{ id: 'a', addresses: ['10.0.0.2/24'] }, { id: 'b', addresses: ['10.0.0.3/24'] }] });
    const found = runRule(addressOutsidePool, d);
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('info');
    expect(found[0]?.subjects.hosts).toEqual(['a', 'b']);
    // The renumbered addresses keep the length they were written with.
    expect(fixed(d, found[0]).hosts.map((h) => h.addresses)).toEqual([['10.10.1.1/24'], ['10.10.1.2/24']]);
  });

  it('checks IPv6 addresses against the IPv6 pool', () => {
    const d = sketchDesign({ network: { pools: { ipv6: 'fd10::/64' } }, hosts: [{ id: 'a', addresses: ['10.10.1.1/32', 'fd99::1/128'] }] });
    const [f] = runRule(addressOutsidePool, d);
    expect(f?.message).toContain('outside the app pool fd10::/64: a at fd99::1');
  });

  it('says nothing of allocated addresses, or of external hosts', () => {
    const d = sketchDesign({
      network: { pools: { ipv6: 'fd10::/64' } },
      hosts: [{ id: 'a' }, { id: 'pg', role: 'db' }, { id: 'x', role: 'client', external: true, addresses: ['192.0.2.7/32'] }],
    });
    expect(runRule(addressOutsidePool, d)).toEqual([]);
  });
});
