import type { Design, Host } from '../model/design';
import type { Address, Prefix } from '../net';
import { addressOf, addressKey } from '../net';
import type { ParsedHost } from '../plan/parsed-host';

/** A host holding an address, and where in its list. */
export interface Holder {
  host: Host;
  /** Index of the address in the host's list. */
  at: number;
}

/** One overlay address on two or more hosts. */
export interface SharedAddress {
  prefix: Prefix;
  holders: Holder[];
}

/** Every address held by more than one host, and a lookup of them. */
export interface SharedAddresses {
  /** In the order the addresses first appear, as the hosts list them. */
  list: readonly SharedAddress[];
  /** The first holder of every address of the design (for a failover group's floating address). */
  first: ReadonlyMap<number | string, Holder>;
  has(a: Address): boolean;
}

/**
 * The overlay addresses two hosts claim. One such address is one problem (address-duplicate), though it shows in
 * many places: routes to it clash, a peer's AllowedIPs hold another host's own address, flows to and from it stop.
 * Rules that would report those consequences ask `has` and leave them to the one finding. Linear in the addresses.
 */
export function sharedAddresses(design: Design, parsed: (id: string) => ParsedHost | undefined): SharedAddresses {
  // The first holder of each address; a list only for the few addresses held twice.
  const first = new Map<number | string, Holder>();
  const holders = new Map<number | string, SharedAddress>();
  for (const host of design.hosts) {
    const addresses = parsed(host.id)?.addresses ?? [];
    for (let at = 0; at < addresses.length; at++) {
      const prefix = addresses[at] as Prefix;
      const key = addressKey(addressOf(prefix));
      const seen = first.get(key);
      if (!seen) {
        first.set(key, { host, at });
        continue;
      }
      let entry = holders.get(key);
      if (!entry) holders.set(key, (entry = { prefix, holders: [seen] }));
      if (!entry.holders.some((x) => x.host === host)) entry.holders.push({ host, at });
    }
  }
  const list: SharedAddress[] = [];
  if (holders.size > 0) {
    for (const key of first.keys()) {
      const entry = holders.get(key);
      if (entry && entry.holders.length > 1) list.push(entry);
    }
  }
  const keys = new Set(list.map((s) => addressKey(addressOf(s.prefix))));
  return { list, first, has: (a) => keys.size > 0 && keys.has(addressKey(a)) };
}
