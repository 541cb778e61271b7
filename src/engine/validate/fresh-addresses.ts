import type { Design, Role } from '../model/design';
import { addressOf, allocateAddresses, formatPrefix, NetError, parsePrefix } from '../net';
import type { Address, Family, Prefix } from '../net';

/**
 * New addresses for hosts a fix renumbers: the lowest free ones of each pool, as completion would hand them out,
 * avoiding every address in the design and each other. One sorted pass per pool, however many are asked for.
 * Entries are null where the pool is null or full.
 */
export function freshAddresses(design: Design, pools: ReadonlyArray<Prefix | null>): Array<Prefix | null> {
  const used: Address[] = [];
  for (const h of design.hosts) {
    for (const a of h.addresses) {
      const p = parsePrefix(a);
      used.push(addressOf(p));
    }
  }
  const wanted = new Map<string, { pool: Prefix; at: number[] }>();
  pools.forEach((pool, i) => {
    if (pool === null) return;
    const key = formatPrefix(pool);
    const entry = wanted.get(key) ?? { pool, at: [] };
    entry.at.push(i);
    wanted.set(key, entry);
  });
  const out: Array<Prefix | null> = pools.map(() => null);
  for (const { pool, at } of wanted.values()) {
    let got: Prefix[];
    try {
      got = allocateAddresses(pool, used, at.length);
    } catch (e) {
      if (!(e instanceof NetError)) throw e;
      continue;
    }
    got.forEach((p, j) => {
      out[at[j] as number] = p;
      used.push(addressOf(p));
    });
  }
  return out;
}

/** The pool a host of `role` takes an address of `family` from: the IPv6 pool for IPv6, else its role's pool. */
export function poolOf(design: Design, role: Role, family: Family): Prefix | null {
  const text = family === 6 ? design.network.pools.ipv6 ?? design.network.pools[role] : design.network.pools[role];
  const pool = parsePrefix(text);
  return pool.family === family ? pool : null;
}
