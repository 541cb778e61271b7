import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { fixtureDesign } from '../../testing/fixture-design';
import { runRule } from '../../testing/rule-harness';
import { allowedIPsSelf } from './allowed-ips-self';

const spoke = (toHub: string[]) => sketchDesign({
  hosts: [{ id: 'hub', role: 'gateway', endpoint: ep(1) }, { id: 'app', addresses: ['10.0.0.2/32'] }],
  tunnels: [['app', 'hub', { allowedIPs: { ab: toHub, ba: null } }]],
});

describe('allowed-ips-self', () => {
  it('reports a peer whose AllowedIPs claim this host\'s own address as an error', () => {
    const [f] = runRule(allowedIPsSelf, spoke(['10.0.0.2/32', '10.10.2.1/32']));
    expect(f?.code).toBe('allowed-ips-self');
    expect(f?.severity).toBe('error');
    expect(f?.message).toMatch(/^On app, the AllowedIPs of hub hold app's own address 10\.0\.0\.2: the peer claims it/);
    expect(f?.subjects).toEqual({ hosts: ['app', 'hub'], tunnels: ['t-app-hub'] });
  });

  it('notes a wider range that merely covers the host\'s address, as hand-written configs have it', () => {
    const [f] = runRule(allowedIPsSelf, spoke(['10.0.0.0/24']));
    expect(f?.code).toBe('allowed-ips-covers-self');
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('include 10.0.0.0/24, which holds app\'s own address 10.0.0.2. This works');
  });

  it('leaves an address another host has too to address-duplicate (that peer holds it as its own)', () => {
    const d = sketchDesign({
      hosts: [{ id: 'app', addresses: ['10.0.0.2/32'] }, { id: 'pg', role: 'db', endpoint: ep(2), addresses: ['10.0.0.2/32'] }],
      tunnels: [['app', 'pg']],
    });
    expect(runRule(allowedIPsSelf, d)).toEqual([]);
  });

  it('says nothing when no peer\'s AllowedIPs hold the host\'s address', () => {
    expect(runRule(allowedIPsSelf, spoke(['10.10.0.0/16']))).toEqual([]);
    expect(runRule(allowedIPsSelf, fixtureDesign('hub-and-spoke'))).toEqual([]);
  });
});
