import type { Host } from '../../model/design';
import type { Finding } from '../finding';
import type { Rule } from '../rule';

type Fam = 'ipv4' | 'ipv6' | null;

/**
 * Tunnel ends on different underlay families. An IPv4-only host cannot dial an IPv6 endpoint (nor the reverse);
 * when no side can dial the other the tunnel never comes up. A DNS endpoint is taken to be of its host's underlay
 * family; an unknown underlay is given the benefit of the doubt.
 */
export const tunnelFamily: Rule = {
  id: 'tunnel-family',
  codes: ['tunnel-family-mismatch'],
  run({ plan, index, label }) {
    const out: Finding[] = [];
    const endpointFamily = (h: Host): Fam => {
      const kind = index.parsed(h.id)?.endpointKind ?? null;
      return kind === null ? null : kind === 'dns' ? h.underlay?.family ?? null : kind;
    };
    const canDial = (from: Host, to: Host): boolean => {
      if (to.endpoint === null) return false;
      const mine: Fam = from.underlay?.family ?? null;
      const theirs = endpointFamily(to);
      return mine === null || theirs === null || mine === theirs;
    };
    for (const tp of plan.tunnels) {
      const { id, a, b } = tp.tunnel;
      const ha = index.host(a);
      const hb = index.host(b);
      if (!ha || !hb || (ha.endpoint === null && hb.endpoint === null)) continue;
      if (canDial(ha, hb) || canDial(hb, ha)) continue;
      const why = (from: Host, to: Host) => to.endpoint === null
        ? `${to.id} has no endpoint`
        : `${from.id}'s underlay is ${name(from.underlay?.family ?? null)} and ${to.id}'s endpoint ${to.endpoint} is ${name(endpointFamily(to))}`;
      out.push({
        code: 'tunnel-family-mismatch',
        severity: 'error',
        message: `Tunnel ${id} between ${label(a)} and ${label(b)} can never come up: ${why(ha, hb)}, and ${why(hb, ha)}. Give the hosts endpoints of a family both underlays have.`,
        subjects: { hosts: [a, b], tunnels: [id] },
      });
    }
    return out;
  },
};

function name(f: Fam): string {
  return f === 'ipv4' ? 'IPv4' : f === 'ipv6' ? 'IPv6' : 'unknown';
}
