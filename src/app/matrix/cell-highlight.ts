import type { Design, MatrixCell } from '../../engine';

/** How the canvas marks a host or tunnel for the picked matrix cell: on the packet's way, or where it stops. */
export type MatrixMark = 'path' | 'blocked';

/** What one picked cell marks on the canvas, by host id and tunnel id. */
export interface CanvasHighlight {
  hosts: ReadonlyMap<string, MatrixMark>;
  tunnels: ReadonlyMap<string, MatrixMark>;
}

/** The peer a WireGuard source check names: the packet came from it and its AllowedIPs (or peer entry) drop it. */
const FROM_PEER = /(?:not in the AllowedIPs of|has no peer entry for) ([a-z0-9-]+)/;

/**
 * The hosts and tunnels to mark for a cell. Reachable: every hop of its path and the tunnels between them. Blocked:
 * the hops the packet (or its reply) crossed, and the host where it stops; when WireGuard there drops it for the
 * peer it came from (AllowedIPs, no peer entry), the tunnel from that peer is where it stops too.
 */
export function cellHighlight(design: Pick<Design, 'tunnels'>, cell: MatrixCell): CanvasHighlight {
  const v = cell.verdict;
  const hosts = new Map<string, MatrixMark>();
  const tunnels = new Map<string, MatrixMark>();
  const path = v.path ?? [];
  // A request stops at `at` having crossed the hops before it; a dropped reply has crossed the whole path.
  const replyDropped = !v.reachable && v.reason.startsWith('replies are dropped');
  const stop = v.reachable || replyDropped ? path.length - 1 : path.indexOf(v.at);
  const crossed = path.slice(0, stop + 1);
  crossed.forEach((h, i) => {
    hosts.set(h, 'path');
    const next = crossed[i + 1];
    if (next !== undefined) for (const t of between(design, h, next)) tunnels.set(t, 'path');
  });
  if (!v.reachable) {
    hosts.set(v.at, 'blocked');
    const peer = FROM_PEER.exec(v.reason)?.[1];
    if (peer !== undefined) for (const t of between(design, peer, v.at)) tunnels.set(t, 'blocked');
  }
  return { hosts, tunnels };
}

/** The tunnels joining two hosts (either way round). */
function between(design: Pick<Design, 'tunnels'>, a: string, b: string): string[] {
  return design.tunnels.filter((t) => (t.a === a && t.b === b) || (t.a === b && t.b === a)).map((t) => t.id);
}
