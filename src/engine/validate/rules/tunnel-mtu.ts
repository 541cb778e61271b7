import type { TunnelPlan } from '../../plan/types';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { overheadText } from '../text';

/** RFC 8200: every IPv6 link carries at least 1280 bytes; Linux turns IPv6 off on an interface below that. */
export const IPV6_MIN_MTU = 1280;

/**
 * Interface MTUs against the tunnels under them. A tunnel carries at most its safe MTU: the smaller underlay MTU of
 * its two ends minus the encapsulation overhead. An interface MTU above that is an error: bigger packets are
 * fragmented in the underlay or, with DF set, dropped with an ICMP message that filters often eat (a PMTU black
 * hole). An interface that carries IPv6 needs at least 1280.
 */
export const tunnelMtu: Rule = {
  id: 'tunnel-mtu',
  codes: ['mtu-above-tunnel', 'mtu-ipv6-minimum'],
  run({ plan, index, label }) {
    const out: Finding[] = [];
    for (const hp of plan.hosts) {
      const self = hp.host.id;
      let narrowest: TunnelPlan | null = null;
      for (const t of index.tunnelsOf(self)) if (narrowest === null || t.safeMtu < narrowest.safeMtu) narrowest = t;
      const other = narrowest ? (narrowest.tunnel.a === self ? narrowest.tunnel.b : narrowest.tunnel.a) : '';
      if (narrowest && hp.mtu > narrowest.safeMtu) {
        out.push({
          code: 'mtu-above-tunnel',
          severity: 'error',
          message: `${label(self)}'s interface MTU is ${hp.mtu}, but ${carries(narrowest, label(other))}. Bigger packets are fragmented in the underlay or dropped (a PMTU black hole).`,
          subjects: { hosts: [self, other], tunnels: [narrowest.tunnel.id] },
          fix: { label: `Set ${label(self)}'s MTU to ${narrowest.safeMtu}`, changes: [{ target: 'host', id: self, set: { mtu: narrowest.safeMtu } }] },
        });
      }
      const carriesV6 = hp.forwardIPv6 || hp.addresses.some((a) => a.family === 6);
      if (!carriesV6 || hp.mtu >= IPV6_MIN_MTU) continue;
      const limit = narrowest?.safeMtu ?? Infinity;
      const finding: Finding = {
        code: 'mtu-ipv6-minimum',
        severity: 'error',
        message: limit < IPV6_MIN_MTU && narrowest
          ? `${label(self)} carries IPv6, which needs an MTU of at least ${IPV6_MIN_MTU} (RFC 8200), but ${carries(narrowest, label(other))}. Raise that underlay's MTU to at least ${IPV6_MIN_MTU + narrowest.overhead}, or carry only IPv4 over this tunnel.`
          : `${label(self)} carries IPv6, which needs an MTU of at least ${IPV6_MIN_MTU} (RFC 8200), but its interface MTU is ${hp.mtu}: Linux disables IPv6 on it.`,
        subjects: { hosts: narrowest && limit < IPV6_MIN_MTU ? [self, other] : [self] },
      };
      if (hp.mtuSource === 'host' && limit >= IPV6_MIN_MTU) {
        const mtu = Number.isFinite(limit) ? limit : IPV6_MIN_MTU;
        finding.fix = { label: `Set ${label(self)}'s MTU to ${mtu}`, changes: [{ target: 'host', id: self, set: { mtu } }] };
      }
      out.push(finding);
    }
    return out;
  },
};

/** What the narrowest tunnel carries, for a finding's message only: label() and the text cost more than the check. */
function carries(t: TunnelPlan, peer: string): string {
  return `its tunnel ${t.tunnel.id} to ${peer} carries at most ${t.safeMtu} bytes: underlay MTU ${t.underlayMtu} minus ${overheadText(t.overhead)}`;
}
