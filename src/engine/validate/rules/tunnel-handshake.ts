import type { Host } from '../../model/design';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { listText } from '../text';

/**
 * Tunnels nobody can open. WireGuard sends its first handshake only to a peer with an Endpoint; with none on either
 * side both wait forever. Two hosts behind NAT with no endpoint cannot reach each other directly at all: the
 * field's answer is a relay, a gateway both of them can dial. An external host that dials in (a road-warrior
 * client) needs no endpoint of its own, only one on the host it dials, which its hand-out config must name.
 */
export const tunnelHandshake: Rule = {
  id: 'tunnel-handshake',
  codes: ['tunnel-no-endpoint', 'tunnel-nat-to-nat', 'external-dials-in'],
  run({ plan, index, label }) {
    const out: Finding[] = [];
    // Per dialled host, the external hosts that dial it: one warning per server, however many clients it has.
    const diallers = new Map<string, string[]>();
    for (const tp of plan.tunnels) {
      const { id, a, b } = tp.tunnel;
      const ha = index.host(a);
      const hb = index.host(b);
      if (!ha || !hb) continue;
      const dialler = dialsIn(ha) ? ha : dialsIn(hb) ? hb : null;
      const server = dialler === ha ? hb : ha;
      if (dialler !== null && server.endpoint !== null) {
        diallers.set(server.id, [...(diallers.get(server.id) ?? []), dialler.id]);
        continue;
      }
      if (dialler !== null) {
        out.push({
          code: 'tunnel-no-endpoint',
          severity: 'error',
          message: `${label(dialler.id)} dials in, but ${label(server.id)} has no endpoint for it to dial, so tunnel ${id} never comes up. Fill in ${label(server.id)}'s endpoint (host:port, the address its clients' configs name, e.g. vpn.example.net:51820).`,
          subjects: { hosts: [server.id, dialler.id], tunnels: [id] },
        });
        continue;
      }
      if (ha.endpoint !== null || hb.endpoint !== null) continue;
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
    for (const [serverId, clients] of diallers) {
      const endpoint = index.host(serverId)?.endpoint ?? '';
      out.push({
        code: 'external-dials-in',
        severity: 'warning',
        message: `${listText(clients.map((c) => label(c)), 6)} ${clients.length > 1 ? 'dial' : 'dials'} in to ${label(serverId)}: ${clients.length > 1 ? 'their configs' : 'its config'} must say Endpoint = ${endpoint}. The bundle writes ${clients.length > 1 ? 'each' : 'it'} a config to hand out (external/<id>.conf) with that endpoint and a placeholder for the client's own private key.`,
        subjects: { hosts: [serverId, ...clients] },
      });
    }
    return out;
  },
};

/** An external host that opens its tunnels itself. A managed host is never taken for one: it has a bundle to set. */
function dialsIn(h: Host): boolean {
  return h.external && h.dialsIn;
}
