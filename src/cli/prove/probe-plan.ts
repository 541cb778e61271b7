import { net } from '../../engine';
import type { Design, Host, MatrixCell, ReachabilityMatrix } from '../../engine';

/** Where a listener runs: a host's namespace, or the lan behind a gateway (a managed database's address). */
export type ProbeSite = { kind: 'host'; id: string } | { kind: 'lan'; gatewayId: string; prefix: string };

/** One cell of the matrix as prove probes it: a TCP connect to each of these addresses, or a reason it cannot. */
export interface CellPlan {
  cell: MatrixCell;
  /** The destination's overlay (or service) addresses in a family the source has too: one connect each. */
  addresses: string[];
  /** Why the cell is not probed (UDP, an external host); null when it is. */
  skip: string | null;
}

/** A TCP listener, so a connection that gets through is answered and one that does not is a timeout or a refusal. */
export interface ListenerPlan {
  site: ProbeSite;
  address: string;
  port: number;
}

export interface ProbePlan {
  cells: CellPlan[];
  listeners: ListenerPlan[];
}

/** `10.10.0.1/32` -> `10.10.0.1`. */
export function plainAddress(prefix: string): string {
  const p = net.parsePrefix(prefix);
  return net.formatAddress(net.addressOf(p));
}

const familyOf = (address: string): 4 | 6 => (address.includes(':') ? 6 : 4);

/**
 * What prove does for each cell of the engine's matrix (pure): connect from the source host's namespace to every
 * address of the destination in a family both have, on the cell's port, with a listener there to answer. UDP
 * cells are not probed (a UDP "connect" proves nothing without an answering protocol), nor cells of external
 * hosts (no bundle, so no namespace); they are reported as skipped, never as passed.
 */
export function planProbes(design: Design, m: ReachabilityMatrix): ProbePlan {
  const hosts = new Map(design.hosts.map((h) => [h.id, h]));
  const listeners = new Map<string, ListenerPlan>();
  const cells = m.cells.map((cell): CellPlan => {
    const from = hosts.get(cell.from);
    const target = targetOf(hosts, cell.to);
    const skip = cell.proto !== 'tcp' ? 'UDP is not probed'
      : from?.external ? `${cell.from} is external (no bundle)`
        : target === null ? `${cell.to} is external (no bundle)` : null;
    if (skip !== null || !from || target === null) return { cell, addresses: [], skip: skip ?? `${cell.to} is not in the design` };
    const families = new Set(from.addresses.map((a) => familyOf(plainAddress(a))));
    const addresses = target.addresses.filter((a) => families.has(familyOf(a)));
    for (const address of addresses) listeners.set(`${siteKey(target.site)} ${address} ${cell.port}`, { site: target.site, address, port: cell.port });
    return { cell, addresses, skip: null };
  });
  return { cells, listeners: [...listeners.values()] };
}

function targetOf(hosts: ReadonlyMap<string, Host>, to: string): { site: ProbeSite; addresses: string[] } | null {
  const [hostId = '', serviceId] = to.split('/');
  const h = hosts.get(hostId);
  if (!h || h.external) return null;
  if (serviceId === undefined) return { site: { kind: 'host', id: h.id }, addresses: h.addresses.map(plainAddress) };
  const s = h.services.find((x) => x.id === serviceId);
  if (!s) return null;
  const address = net.parseAddress(s.address);
  const lan = h.lans.map((text) => net.networkOf(net.parsePrefix(text))).find((p) => net.containsAddress(p, address));
  if (!lan) throw new Error(`${to}: its address ${s.address} is in none of ${h.id}'s lans`);
  return { site: { kind: 'lan', gatewayId: h.id, prefix: net.formatPrefix(lan) }, addresses: [s.address] };
}

function siteKey(s: ProbeSite): string {
  return s.kind === 'host' ? s.id : `${s.gatewayId}|${s.prefix}`;
}
