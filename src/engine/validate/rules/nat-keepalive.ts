import { DEFAULT_KEEPALIVE } from '../../plan/keepalive';
import type { Finding } from '../finding';
import type { Rule } from '../rule';

/** Many NATs drop an idle UDP mapping after 30 s; a keepalive at or above this lets it lapse. */
const SHORTEST_NAT_TIMEOUT = 30;

/**
 * Hosts behind NAT and their PersistentKeepalive, as planned (tunnel.keepalive null lets the plan set 25 on the NAT
 * side). Without one, the NAT forgets the mapping after a quiet spell and the peer can no longer reach the host: a
 * warning, and an error when a flow must open connections toward the host and it has no endpoint (nobody else can
 * start the handshake). A keepalive of 30 s or more may let the mapping lapse. The fix is 25 s, WireGuard's advice.
 */
export const natKeepalive: Rule = {
  id: 'nat-keepalive',
  codes: ['nat-no-keepalive', 'nat-keepalive-long'],
  run({ plan, index, label }) {
    // Tunnel directions (from > to) that carry new connections toward a host behind NAT: built only when a finding
    // asks, which a design without one never does.
    let inbound: Set<string> | null = null;
    const carriesInbound = (from: string, to: string): boolean => {
      if (!inbound) {
        inbound = new Set();
        for (const f of plan.flows) {
          const path = f.path ?? [];
          for (let i = 1; i < path.length; i++) {
            if (index.host(path[i] as string)?.behindNat) inbound.add(`${path[i - 1]} ${path[i]}`);
          }
        }
      }
      return inbound.has(`${from} ${to}`);
    };
    const out: Finding[] = [];
    for (const tp of plan.tunnels) {
      const t = tp.tunnel;
      for (let side = 0; side < 2; side++) {
        const self = side === 0 ? t.a : t.b;
        const other = side === 0 ? t.b : t.a;
        const host = index.host(self);
        const peer = index.host(other);
        // With no endpoint on the far side either, tunnel-handshake already reports a tunnel nobody can open.
        if (!host?.behindNat || !peer || peer.endpoint === null) continue;
        const keepalive = index.peer(self, other)?.keepalive ?? null;
        if (keepalive !== null && keepalive < SHORTEST_NAT_TIMEOUT) continue;
        const fix = { label: `Set PersistentKeepalive 25 on tunnel ${t.id}`, changes: [{ target: 'tunnel' as const, id: t.id, set: { keepalive: DEFAULT_KEEPALIVE } }] };
        if (keepalive === null) {
          const reached = host.endpoint === null && carriesInbound(other, self);
          out.push({
            code: 'nat-no-keepalive',
            severity: reached ? 'error' : 'warning',
            message: `${label(self)} is behind NAT and sends no PersistentKeepalive to ${label(other)} on tunnel ${t.id}: after a quiet spell the NAT forgets the mapping and ${other} can no longer reach it${reached ? `, and flows need ${other} to open connections toward ${self}, which has no endpoint, so they stop working` : ' until it sends something itself'}. Set PersistentKeepalive to 25.`,
            subjects: { hosts: [self, other], tunnels: [t.id] },
            fix,
          });
        } else if (keepalive >= SHORTEST_NAT_TIMEOUT) {
          out.push({
            code: 'nat-keepalive-long',
            severity: 'warning',
            message: `${label(self)} is behind NAT and its PersistentKeepalive to ${label(other)} on tunnel ${t.id} is ${keepalive} s: many NATs drop an idle UDP mapping after ${SHORTEST_NAT_TIMEOUT} s, so the tunnel may go deaf between keepalives. Use 25 s.`,
            subjects: { hosts: [self, other], tunnels: [t.id] },
            fix,
          });
        }
      }
    }
    return out;
  },
};
