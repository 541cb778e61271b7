import type { Design, Host, Role } from '../model/design';
import { allocateAddresses, formatPrefix, parsePrefix } from '../net';
import type { Address } from '../net';
import { generateKeypairs, generatePresharedKeys, publicKeyOf } from '../keys';
import type { RandomSource } from '../keys';

export interface CompleteOptions {
  random: RandomSource;
  /** Make keys for hosts that have none (the export does; the share-link viewer does not). */
  keys: boolean;
}

/** What completion filled in, so the CLI and the UI can say so. */
export interface Completion {
  design: Design;
  allocated: string[];
  generatedKeys: string[];
  generatedPresharedKeys: string[];
}

/**
 * Fills in what a design may leave out: overlay addresses from the role's pool (and the IPv6 pool when set),
 * keypairs, preshared keys. Never changes what is already there, so re-exporting keeps every key.
 */
export function completeDesign(design: Design, options: CompleteOptions): Completion {
  const allocated = new Set<string>();
  const hosts = allocate(design, allocated);
  // Keys come in one batch each (one call of the random source), in the order hosts and tunnels are listed.
  const generatedKeys = options.keys
    ? hosts.filter((h) => !h.external && h.privateKey === null && h.publicKey === null).map((h) => h.id)
    : [];
  const keypairs = generateKeypairs(options.random, generatedKeys.length);
  let nextKeypair = 0;
  const completed = hosts.map((h): Host => {
    if (h.external || !options.keys) return h;
    if (h.privateKey !== null && h.publicKey === null) return { ...h, publicKey: publicKeyOf(h.privateKey) };
    if (h.privateKey !== null || h.publicKey !== null) return h;
    return { ...h, ...keypairs[nextKeypair++] };
  });
  const needPsk = options.keys && design.network.presharedKeys;
  const generatedPresharedKeys = needPsk ? design.tunnels.filter((t) => t.presharedKey === null).map((t) => t.id) : [];
  const psks = generatePresharedKeys(options.random, generatedPresharedKeys.length);
  let nextPsk = 0;
  const tunnels = needPsk
    ? design.tunnels.map((t) => (t.presharedKey !== null ? t : { ...t, presharedKey: psks[nextPsk++] as string }))
    : design.tunnels;
  return { design: { ...design, hosts: completed, tunnels }, allocated: [...allocated], generatedKeys, generatedPresharedKeys };
}

/** Lowest free addresses first, in design order: deterministic for the same design. O(hosts log hosts). */
function allocate(design: Design, allocated: Set<string>): Host[] {
  const used: Address[] = [];
  for (const h of design.hosts) {
    for (const a of h.addresses) {
      const p = parsePrefix(a);
      used.push({ family: p.family, value: p.addr });
    }
  }
  const needing = design.hosts.filter((h) => h.addresses.length === 0 && !h.external);
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
  if (v6 !== null && needing.length > 0) {
    const got = allocateAddresses(parsePrefix(v6), used, needing.length).map(formatPrefix);
    needing.forEach((h, i) => fresh.get(h.id)?.push(...got.slice(i, i + 1)));
  }
  return design.hosts.map((h) => {
    const addresses = fresh.get(h.id);
    if (!addresses) return h;
    allocated.add(h.id);
    return { ...h, addresses };
  });
}
