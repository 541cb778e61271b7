import type { Prefix } from '../net';
import { asNetwork, lowBound, networkKey } from './prefix-keys';
import type { HostNumbers } from './host-numbers';

/**
 * The arrays behind Routes, kept from one plan to the next and grown by doubling. A plan of 4,000 hosts holds some
 * 25,000 routes; JavaScript arrays that size outgrow V8's young generation and were allocated on fresh pages for
 * every plan (page faults cost microseconds each on this kind of VM), which made each route three times dearer than
 * at 2,000 hosts. Reused typed arrays cost nothing after the first plan. The engine is synchronous, so one store
 * serves every plan; a Routes object left over from an earlier plan refuses to be read (see `generation`).
 */
class Store {
  generation = 0;
  /**
   * Per entry: its host's and its peer's numbers, the next entry of the same host (-1: last), and for IPv4 the
   * network's start and length (IPv6: length V6).
   */
  host = new Int32Array(1024);
  peer = new Int32Array(1024);
  next = new Int32Array(1024);
  low = new Uint32Array(1024);
  len = new Uint8Array(1024);
  /** Per entry, its network; entries past `used` are left over (undefined) from a larger plan. */
  prefix: Array<Prefix | undefined> = [];
  /** Entries the current table has stored. */
  used = 0;
  /** Per host number: first and last entry (-1: none). */
  head = new Int32Array(256);
  tail = new Int32Array(256);
  /** Open-addressing hash of (host, IPv4 network) -> entry + 1 (0: empty); size a power of two. */
  slots = new Int32Array(4096);

  reset(entries: number, hosts: number): void {
    this.generation++;
    if (this.head.length < hosts) {
      this.head = new Int32Array(grown(this.head.length, hosts));
      this.tail = new Int32Array(this.head.length);
    }
    this.head.fill(-1, 0, hosts);
    this.tail.fill(-1, 0, hosts);
    this.slots.fill(0);
    // Cleared in place rather than by `length = 0`, which would drop the list's storage and regrow it every plan.
    this.prefix.fill(undefined, 0, this.used);
    this.used = 0;
    this.reserve(entries);
  }

  /** Room for `entries` entries, keeping those stored. */
  reserve(entries: number): void {
    if (this.peer.length < entries) {
      const size = grown(this.peer.length, entries);
      this.host = copied(this.host, new Int32Array(size));
      this.peer = copied(this.peer, new Int32Array(size));
      this.next = copied(this.next, new Int32Array(size));
      this.low = copied(this.low, new Uint32Array(size));
      this.len = copied(this.len, new Uint8Array(size));
    }
  }
}

function grown(size: number, needed: number): number {
  while (size < needed) size *= 2;
  return size;
}

function copied<T extends Int32Array | Uint32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

const store = new Store();

/** The length an IPv6 entry carries in `Store.len`: never an IPv4 length, so it never matches an IPv4 probe. */
const V6 = 255;

/**
 * Every host's routes into the tunnel, in one table: entry i is a network (`prefixOf(i)`) under a peer (`peerOf(i)`),
 * and a host's entries are chained in the order they were added (`first`, then `nextOf`). Finding whether a host
 * already routes a network is one probe of a hash table over (host, network) for IPv4, a map for IPv6. One table for
 * the whole design rather than maps per host and peer: a plan of thousands of hosts would otherwise hold thousands
 * of small maps, and their size is what the plan's garbage collection costs.
 *
 * Only the newest Routes can be read (they share one store, see Store): the plan builds one and reads it right away.
 */
export class Routes {
  private readonly generation: number;
  private readonly ids: readonly string[];
  private readonly number: ReadonlyMap<string, number>;
  private count = 0;
  /** IPv6 networks: `${host} ${network key}` -> entry. */
  private readonly v6 = new Map<string, number>();

  constructor({ ids, number }: HostNumbers) {
    this.ids = ids;
    this.number = number;
    store.reset(ids.length * 4, ids.length);
    this.generation = store.generation;
  }

  /** Puts `prefix`'s network under `peerId` on `hostId`; the peer that already holds it if another, else null. */
  add(hostId: string, peerId: string, prefix: Prefix): string | null {
    const s = this.store();
    const host = this.number.get(hostId);
    const peer = this.number.get(peerId);
    if (host === undefined || peer === undefined) return null;
    const low = prefix.family === 4 ? lowBound(prefix) as number : 0;
    const at = prefix.family === 4 ? this.probeV4(s, host, low, prefix.len) : this.probeV6(host, prefix);
    if (at >= 0) return s.peer[at] === peer ? null : this.ids[s.peer[at] as number] as string;
    const i = this.count++;
    s.reserve(this.count);
    s.used = this.count;
    s.host[i] = host;
    s.peer[i] = peer;
    s.next[i] = -1;
    s.prefix[i] = asNetwork(prefix);
    if (prefix.family === 4) {
      s.low[i] = low;
      s.len[i] = prefix.len;
      s.slots[-at - 1] = i + 1;
      if (this.count * 2 > s.slots.length) rehash(s, this.count);
    } else {
      s.len[i] = V6;
      this.v6.set(`${host} ${networkKey(prefix)}`, i);
    }
    if (s.head[host] === -1) s.head[host] = i;
    else s.next[s.tail[host] as number] = i;
    s.tail[host] = i;
    return null;
  }

  /** The first entry of `hostId`, or -1; the rest follow through `nextOf`. */
  first(hostId: string): number {
    const s = this.store();
    const host = this.number.get(hostId);
    return host === undefined ? -1 : s.head[host] as number;
  }

  /** How many hosts the table numbers (0 to hostCount - 1). */
  get hostCount(): number {
    return this.ids.length;
  }

  /** The number of host `id`, or undefined when the design has no such host. */
  numberOf(id: string): number | undefined {
    return this.number.get(id);
  }

  nextOf(entry: number): number {
    return store.next[entry] as number;
  }

  peerNumberOf(entry: number): number {
    return store.peer[entry] as number;
  }

  peerOf(entry: number): string {
    return this.ids[store.peer[entry] as number] as string;
  }

  prefixOf(entry: number): Prefix {
    return store.prefix[entry] as Prefix;
  }

  private store(): Store {
    if (store.generation !== this.generation) throw new Error('Routes: a newer plan has reused this table\'s store');
    return store;
  }

  /** The entry of (host, network), or -(free slot + 1) when there is none. */
  private probeV4(s: Store, host: number, low: number, len: number): number {
    const mask = s.slots.length - 1;
    for (let slot = hashV4(host, low, len) & mask; ; slot = (slot + 1) & mask) {
      const e = (s.slots[slot] as number) - 1;
      if (e < 0) return -slot - 1;
      if (s.low[e] === low && s.len[e] === len && s.host[e] === host) return e;
    }
  }

  private probeV6(host: number, prefix: Prefix): number {
    return this.v6.get(`${host} ${networkKey(prefix)}`) ?? -1;
  }
}

/** Doubles the hash table and puts the first `count` entries (IPv4 ones) back in. */
function rehash(s: Store, count: number): void {
  const slots = new Int32Array(s.slots.length * 2);
  const mask = slots.length - 1;
  for (let e = 0; e < count; e++) {
    if (s.len[e] === V6) continue;
    let slot = hashV4(s.host[e] as number, s.low[e] as number, s.len[e] as number) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = e + 1;
  }
  s.slots = slots;
}

function hashV4(host: number, low: number, len: number): number {
  let h = Math.imul(low ^ Math.imul(host + 1, 0x9e3779b1), 0x85ebca6b) ^ len;
  h ^= h >>> 15;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 13);
}
