import { addressOf, allocateAddresses, formatPrefix, parsePrefix } from '../net';
import type { Address } from '../net';
import type { Design, Host, Role } from './design';

/** A design whose every (non-external) host has its overlay addresses written in, and the ids that got new ones. */
export interface PinnedAddresses {
  design: Design;
  /** Hosts that had no address and got one now, in design order. */
  pinned: string[];
}

/**
 * Allocates overlay addresses for the hosts that have none (lowest free in the role's pool, and in the IPv6 pool
 * when set) and writes them into the design; hosts with addresses are returned as they are. Pinning is what keeps
 * addresses from moving: allocation depends on host order, so a host added in front would otherwise shift every
 * later host's address and break pg_hba.conf entries, MySQL grants and monitoring on the next export.
 * Throws NetError naming the pool when one is full (a parsed design never is: see `checkPoolRoom`).
 * @example pinAddresses(design).design.hosts[0].addresses // ['10.10.0.1/32']
 */
export function pinAddresses(design: Design): PinnedAddresses {
  const needing = design.hosts.filter((h) => h.addresses.length === 0 && !h.external);
  if (needing.length === 0) return { design, pinned: [] };
  const used: Address[] = [];
  // A failover group's floating address is held by a host too: a new host given it would take the group's traffic.
  for (const a of [...design.hosts.flatMap((h) => h.addresses), ...design.failover.map((g) => g.address)]) {
    const p = parsePrefix(a);
    used.push(addressOf(p));
  }
  const fresh = new Map<string, string[]>();
  const byRole = new Map<Role, Host[]>();
  for (const h of needing) {
    const list = byRole.get(h.role) ?? [];
    list.push(h);
    byRole.set(h.role, list);
  }
  for (const [role, list] of byRole) {
    const got = allocateAddresses(parsePrefix(design.network.pools[role]), used, list.length).map(formatPrefix);
    list.forEach((h, i) => fresh.set(h.id, got.slice(i, i + 1)));
  }
  const v6 = design.network.pools.ipv6;
  if (v6 !== null) {
    const got = allocateAddresses(parsePrefix(v6), used, needing.length).map(formatPrefix);
    needing.forEach((h, i) => fresh.get(h.id)?.push(...got.slice(i, i + 1)));
  }
  const hosts = design.hosts.map((h) => {
    const addresses = fresh.get(h.id);
    return addresses ? { ...h, addresses } : h;
  });
  return { design: { ...design, hosts }, pinned: needing.map((h) => h.id) };
}
