import { describe, expect, it } from 'vitest';
import { sketchDesign, ep } from '../../testing/design-builder';
import { afterFix, codesOf, fixed, runRule } from '../../testing/rule-harness';
import { prefixForm } from './prefix-form';

const site = (lan: string) => sketchDesign({
  hosts: [{ id: 'gw', role: 'gateway', endpoint: ep(1), lans: [lan] }, { id: 'app' }],
  tunnels: [['gw', 'app']],
});

describe('prefix-form', () => {
  it('reports a lan with host bits and names the network it is read as', () => {
    const [f] = runRule(prefixForm, site('10.20.0.5/24'));
    expect(f?.code).toBe('prefix-host-bits');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('10.20.0.5/24 (read as 10.20.0.0/24)');
    expect(f?.subjects.hosts).toEqual(['gw']);
  });

  it('fixes it by writing the network', () => {
    const d = site('10.20.0.5/24');
    const [f] = runRule(prefixForm, d);
    expect(fixed(d, f).hosts[0]?.lans).toEqual(['10.20.0.0/24']);
    expect(afterFix(prefixForm, d, f)).toEqual([]);
  });

  it('reports a pool with host bits, and its fix leaves the other pools alone', () => {
    const d = sketchDesign({ network: { pools: { app: '10.10.1.7/24' } }, hosts: [{ id: 'a' }] });
    const [f] = runRule(prefixForm, d);
    expect(f?.message).toBe('The app pool 10.10.1.7/24 has host bits set; it is read as 10.10.1.0/24. Write 10.10.1.0/24.');
    const after = fixed(d, f);
    expect(after.network.pools).toEqual({ ...d.network.pools, app: '10.10.1.0/24' });
  });

  it('reports an overlay address that is not a host route, with the /24 wg-quick would route', () => {
    const d = sketchDesign({ hosts: [{ id: 'a', addresses: ['10.10.1.5/24'] }] });
    const [f] = runRule(prefixForm, d);
    expect(f?.code).toBe('address-not-host-route');
    expect(f?.message).toContain('routes all of 10.10.1.0/24 into wg0');
    expect(f?.fix?.label).toBe("Use host routes for a's addresses");
    expect(fixed(d, f).hosts[0]?.addresses).toEqual(['10.10.1.5/32']);
    expect(afterFix(prefixForm, d, f)).toEqual([]);
  });

  it('says nothing of networks written as networks, host routes, or an external host as imported', () => {
    expect(runRule(prefixForm, site('10.20.0.0/24'))).toEqual([]);
    const d = sketchDesign({ hosts: [{ id: 'a', addresses: ['10.10.1.5/32', 'fd00::5/128'] }, { id: 'x', external: true, addresses: ['10.0.0.9/24'] }] });
    expect(codesOf(runRule(prefixForm, d))).toEqual([]);
  });
});
