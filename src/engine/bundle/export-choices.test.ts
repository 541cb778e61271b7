import { describe, expect, it } from 'vitest';
import { FIREWALL_BACKENDS, firewallProblem, isFirewallBackend, qosRateProblem } from './export-choices';

describe('export choices', () => {
  it('knows the two firewall backends and names them when given another', () => {
    expect(FIREWALL_BACKENDS.map((b) => b.id)).toEqual(['nftables', 'iptables']);
    expect(isFirewallBackend('iptables')).toBe(true);
    expect(firewallProblem('nftables')).toBeNull();
    expect(firewallProblem('pf')).toBe('must be nftables or iptables');
    expect(firewallProblem(undefined)).toBe('must be nftables or iptables');
  });

  it('takes a whole number of Mbit/s from 1 to 100,000 as a bulk rate', () => {
    for (const ok of [1, 100, 100_000]) expect(qosRateProblem(ok)).toBeNull();
    for (const bad of [0, 0.5, 100_001, '100', Number.NaN, null]) {
      expect(qosRateProblem(bad)).toBe('must be a whole number of Mbit/s from 1 to 100,000');
    }
  });
});
