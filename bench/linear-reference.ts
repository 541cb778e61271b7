/**
 * A control for bench:validate's growth column: a workload linear by construction, shaped per host like a
 * routed-sites validation. Every loop runs a fixed number of times per host: it builds objects kept to the end of the
 * run, reads each host's four neighbours through a Map by id (in allocation order, the friendliest order for the
 * cache), makes short-lived objects and computes for a fixed number of steps. Whatever it takes per host on top of a
 * straight doubling, this machine and V8's young generation charge any program with that much memory per host.
 *
 * Calibrated on 2026-11-25 with V8's sampling heap profiler, against a 4,000-host routed-sites plan plus validation:
 * that allocates 5.30 KB a host per run and keeps 2.35 KB of it (plan, rule indexes, findings) to the end; this
 * allocates 5.33 KB and keeps 2.36 KB. The steps make it as slow as that validation where everything fits in the
 * cache (about 5 ms at 500 hosts and 10 ms at 1,000).
 */

/** What a run reads: a host's id and its neighbours' ids (the next four hosts, wrapping round). */
export interface ReferenceHost {
  id: string;
  neighbours: readonly string[];
}

interface Prefix {
  family: number;
  addr: bigint;
  len: number;
}

interface Kept {
  id: string;
  prefixes: Prefix[];
  peers: Kept[];
}

/** Per host: prefix-like objects kept to the end of the run, short-lived objects, and steps of arithmetic. */
const KEPT_PREFIXES = 24;
const GARBAGE_OBJECTS = 44;
const STEPS = 7000;

export function referenceHosts(n: number): ReferenceHost[] {
  const ids = Array.from({ length: n }, (_, i) => `host-${i}`);
  return ids.map((id, i) => ({ id, neighbours: [1, 2, 3, 4].map((j) => ids[(i + j) % n] as string) }));
}

/** One run: O(hosts) by construction. Returns a checksum, so no step can be optimised away. */
export function referenceRun(hosts: readonly ReferenceHost[]): number {
  const byId = new Map<string, Kept>();
  const all: Kept[] = [];
  for (let i = 0; i < hosts.length; i++) {
    const prefixes: Prefix[] = [];
    for (let j = 0; j < KEPT_PREFIXES; j++) prefixes.push({ family: 4, addr: BigInt(i * 32 + j), len: 32 });
    const kept: Kept = { id: (hosts[i] as ReferenceHost).id, prefixes, peers: [] };
    byId.set(kept.id, kept);
    all.push(kept);
  }
  let sum = 0;
  for (let i = 0; i < hosts.length; i++) {
    const kept = all[i] as Kept;
    const scratch: Array<{ at: number }> = [];
    for (let j = 0; j < GARBAGE_OBJECTS; j++) scratch.push({ at: j });
    sum += scratch.length;
    for (const id of (hosts[i] as ReferenceHost).neighbours) {
      const peer = byId.get(id) as Kept;
      kept.peers.push(peer);
      sum += (peer.prefixes[i % KEPT_PREFIXES] as Prefix).len;
    }
    let x = i;
    for (let s = 0; s < STEPS; s++) x = (Math.imul(x, 1103515245) + 12345) | 0;
    sum += x & 1;
  }
  for (const kept of all) for (const peer of kept.peers) sum += peer.peers.length;
  return sum;
}
