import type { Finding } from '../finding';
import type { Rule } from '../rule';

/**
 * Tunnels nobody can open. WireGuard sends its first handshake only to a peer with an Endpoint; with none on either
 * side both wait forever. Two hosts behind NAT with no endpoint cannot reach each other directly at all: the
 * field's answer is a relay, a gateway both of them can dial.
 */
export const tunnelHandshake: Rule = {
  id: 'tunnel-handshake',
  codes: ['tunnel-no-endpoint', 'tunnel-nat-to-nat'],
  run({ plan, index, label }) {
    const out: Finding[] = [];
    for (const tp of plan.tunnels) {
      const { id, a, b } = tp.tunnel;
      const ha = index.host(a);
      const hb = index.host(b);
      if (!ha || !hb || ha.endpoint !== null || hb.endpoint !== null) continue;
      const nat = ha.behindNat && hb.behindNat;
      out.push({
        code: nat ? 'tunnel-nat-to-nat' : 'tunnel-no-endpoint',
        severity: 'error',
        message: nat
          ? `${label(a)} and ${label(b)} are both behind NAT and neither has an endpoint, so tunnel ${id} can never be opened. Route them through a relay instead: a gateway both can dial, with a tunnel from each.`
          : `Neither ${label(a)} nor ${label(b)} has an endpoint, so neither can send the first handshake and tunnel ${id} never comes up. Fill in the endpoint (host:port, e.g. db1.example.net:51820) of ${label(ha.behindNat ? b : a)}: its Endpoint field in the inspector, or "endpoint" in the design file.`,
        subjects: { hosts: [a, b], tunnels: [id] },
      });
    }
    return out;
  },
};
