import { net } from '../../src/engine';
import type { Design, Flow, Host } from '../../src/engine';
import type { Fam } from '../../src/cli/prove/underlay-plan';

/** Where a lab process or probe runs: a host, the lan behind a gateway, or the underlay next to a host. */
export type Where =
  | { kind: 'host'; id: string }
  | { kind: 'lan'; gatewayId: string; prefix: string }
  | { kind: 'underlay'; of: string };

/** What answers on a port: a real PostgreSQL, Redis or MariaDB server, or a plain TCP listener (`nc -lk`). */
export type ServerKind = 'postgresql' | 'redis' | 'mariadb' | 'tcp';

/**
 * A database the lab serves: PostgreSQL for PostgreSQL (and managed services), Redis and MariaDB for theirs, a plain
 * TCP listener otherwise.
 */
export interface DbEndpoint {
  /** A host id, or `gateway-id/service-id` as flows name a managed database. */
  ref: string;
  where: Where;
  /** The host whose firewall guards it: the database host, or the gateway in front of the service. */
  owner: string;
  addresses: string[];
  /** Floating addresses of its failover groups: served too (bound before they arrive), never probed as its own. */
  floating: string[];
  port: number;
  kind: ServerKind;
}

/** A host's overlay addresses without their prefix lengths. */
export function overlayAddresses(h: Host): string[] {
  return h.addresses.map(plainAddress);
}

/** `10.10.0.1/32` -> `10.10.0.1`. */
export function plainAddress(prefix: string): string {
  const p = net.parsePrefix(prefix);
  return net.formatAddress({ family: p.family, value: p.addr });
}

export function familyOfAddress(address: string): Fam {
  return address.includes(':') ? 6 : 4;
}

/**
 * Every database of the design: hosts with a database (or the `db` role: their port is the one flows use, else
 * PostgreSQL's 5432) and every managed service in a gateway's lan.
 */
export function dbEndpoints(design: Design): DbEndpoint[] {
  const out: DbEndpoint[] = [];
  for (const h of design.hosts) {
    if (h.external) continue;
    if (h.database || h.role === 'db') {
      const port = h.database?.port ?? flowPortsInto(design.flows, h.id)[0] ?? 5432;
      const engine = h.database?.engine ?? 'postgresql';
      const kind = engine === 'postgresql' || engine === 'redis' || engine === 'mariadb' ? engine : 'tcp';
      const floating = design.failover.filter((g) => g.primary === h.id || g.replica === h.id).map((g) => plainAddress(g.address));
      out.push({ ref: h.id, where: { kind: 'host', id: h.id }, owner: h.id, addresses: overlayAddresses(h), floating, port, kind });
    }
    for (const s of h.services) {
      const address = net.parseAddress(s.address);
      const lan = h.lans.map(net.parsePrefix).find((p) => net.containsAddress(p, address));
      if (!lan) continue;
      out.push({
        ref: `${h.id}/${s.id}`,
        where: { kind: 'lan', gatewayId: h.id, prefix: net.formatPrefix(net.networkOf(lan)) },
        owner: h.id,
        addresses: [net.formatAddress(address)],
        floating: [],
        port: s.port,
        kind: 'postgresql',
      });
    }
  }
  return out;
}

/** Ports of the flows that reach a host, replication flows counting both ways. */
function flowPortsInto(flows: readonly Flow[], hostId: string): number[] {
  return flows.filter((f) => f.to === hostId || (f.kind === 'replication' && f.from === hostId)).flatMap((f) => (f.port === null ? [] : [f.port]));
}
