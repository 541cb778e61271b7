import { describe, expect, it } from 'vitest';
import { FIREWALL_BACKENDS, HOST_SETUPS, firewallProblem, hostSetupsProblem, isFirewallBackend, qosProblem, qosRateProblem } from './export-choices';

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

  it('takes networkd and cloud-init as host setups, with the keys in the bundle, and names anything else', () => {
    expect(HOST_SETUPS.map((k) => k.id)).toEqual(['networkd', 'cloud-init']);
    expect(hostSetupsProblem([], 'plain')).toBeNull();
    expect(hostSetupsProblem([], 'age')).toBeNull();
    expect(hostSetupsProblem(['networkd', 'cloud-init'], 'plain')).toBeNull();
    expect(hostSetupsProblem(['networkd', 'wg-quick'], 'plain')).toBe('has an unknown setup "wg-quick": each must be networkd or cloud-init');
    expect(hostSetupsProblem('networkd', 'plain')).toBe('must be a list, each networkd or cloud-init');
    expect(hostSetupsProblem(['cloud-init'], 'age')).toMatch(/^need the keys in the bundle \(secrets plain\), not age/);
  });

  it('names the field of a bad QoS choice: a link rate of 0 or below, a bulk rate above the link', () => {
    expect(qosProblem({ bulkRateMbit: 20, linkRateMbit: 100 })).toBeNull();
    expect(qosProblem({ bulkRateMbit: 100, linkRateMbit: 100 })).toBeNull();
    for (const link of [0, -5, undefined]) {
      expect(qosProblem({ bulkRateMbit: 20, linkRateMbit: link })).toEqual({ field: 'linkRateMbit', problem: 'must be a whole number of Mbit/s from 1 to 100,000' });
    }
    expect(qosProblem({ bulkRateMbit: 0, linkRateMbit: 100 })?.field).toBe('bulkRateMbit');
    expect(qosProblem({ bulkRateMbit: 200, linkRateMbit: 100 })).toEqual({ field: 'bulkRateMbit', problem: 'must not be above the link rate (100 Mbit/s)' });
  });
});
