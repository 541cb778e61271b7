import { formatPrefix, parseEndpoint } from '../net';
import type { HostPlan, PeerPlan } from '../plan/types';
import type { DriftFinding } from './types';
import type { LiveInterface, LivePeer } from './wg-dump';

/** WireGuard re-handshakes every 2 minutes while a tunnel carries traffic: older than 3 means it is down (check.sh too). */
export const STALE_HANDSHAKE_SECONDS = 180;

export interface PeerContext {
  hp: HostPlan;
  live: LiveInterface;
  /** The collecting host's clock when it ran collect.sh. */
  now: number;
  /** Peer host ids whose tunnel to this host carries a declared flow. */
  carriesFlows: ReadonlySet<string>;
}

/**
 * The interface's peers against the design's: each design peer is found by its public key, or (when the design does
 * not know the key, or the key differs) by its AllowedIPs; then AllowedIPs, endpoint, keepalive and handshake age
 * are compared. Live peers left over are peers the design does not know.
 */
export function peerDrift({ hp, live, now, carriesFlows }: PeerContext): DriftFinding[] {
  const out: DriftFinding[] = [];
  const unmatched = [...live.peers];
  const take = (pred: (p: LivePeer) => boolean) => {
    const i = unmatched.findIndex(pred);
    return i < 0 ? null : unmatched.splice(i, 1)[0] ?? null;
  };
  const expectedIPs = (p: PeerPlan) => p.allowedIPs.map(formatPrefix).sort();
  const byKey = new Map(hp.peers.map((p) => [p, p.publicKey === null ? null : take((l) => l.publicKey === p.publicKey)]));
  for (const p of hp.peers) {
    const f = (what: DriftFinding['what'], expected: string, actual: string): DriftFinding =>
      ({ host: hp.id, peer: p.hostId, tunnel: p.tunnelId, what, expected, actual });
    let l = byKey.get(p) ?? null;
    if (!l) {
      l = take((x) => same(x.allowedIPs, expectedIPs(p)));
      if (l && p.publicKey !== null) out.push(f('peer-key', p.publicKey, l.publicKey));
    }
    if (!l) {
      out.push(f('peer-missing', `peer ${p.hostId}${p.publicKey ? ` (${p.publicKey})` : ''}`, 'not on the interface'));
      continue;
    }
    const ips = expectedIPs(p);
    if (!same(l.allowedIPs, ips)) out.push(f('allowed-ips', list(ips), list(l.allowedIPs)));
    if (p.endpoint !== null && l.endpoint !== null && !sameEndpoint(p.endpoint, l.endpoint)) out.push(f('endpoint', p.endpoint, l.endpoint));
    if (p.endpoint !== null && l.endpoint === null) out.push(f('endpoint', p.endpoint, 'none'));
    // collect.sh never writes a preshared key, only whether one is set: a key the design has must be set live.
    if (p.presharedKey !== null && !l.presharedKey) out.push(f('preshared-key', 'a preshared key', 'none'));
    if (p.keepalive !== l.keepalive) out.push(f('keepalive', seconds(p.keepalive), seconds(l.keepalive)));
    if (carriesFlows.has(p.hostId)) {
      const age = l.latestHandshake === 0 ? null : now - l.latestHandshake;
      if (age === null || age > STALE_HANDSHAKE_SECONDS) {
        out.push(f('handshake-stale', `a handshake within ${STALE_HANDSHAKE_SECONDS} s (the tunnel carries declared flows)`,
          age === null ? 'never' : `${age} s ago`));
      }
    }
  }
  for (const l of unmatched) {
    out.push({ host: hp.id, peer: null, tunnel: null, what: 'peer-unknown', expected: 'nothing', actual: `peer ${l.publicKey} allowed ips ${list(l.allowedIPs)}` });
  }
  return out;
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function list(ips: readonly string[]): string {
  return ips.length === 0 ? '(none)' : ips.join(', ');
}

function seconds(s: number | null): string {
  return s === null ? 'off' : `${s} s`;
}

/**
 * A design endpoint by DNS name cannot be compared with the address wg shows (it resolved it), and a peer that
 * roams shows where its packets last came from: only two addresses that parse and differ count as drift.
 */
function sameEndpoint(design: string, live: string): boolean {
  try {
    const d = parseEndpoint(design);
    if (d.kind === 'dns') return true;
    const l = parseEndpoint(live);
    return d.host === l.host && d.port === l.port;
  } catch {
    return false;
  }
}
