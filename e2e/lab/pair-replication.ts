import type { DatabaseEngine, Design, FailoverGroup } from '../../src/engine';
import { familyOfAddress, overlayAddresses, plainAddress } from './db-endpoints';
import { mariadbReplicaOps } from './mariadb-replica-ops';
import type { ProbeResult } from './probes';
import { redisReplicaOps } from './redis-replica-ops';
import type { CheckResult } from './results';
import type { NsOf } from './run-probes';

/** How long a replica may take to link up, or a written key to arrive: over veth it takes milliseconds. */
const DEADLINE_MS = 10_000;
const POLL_MS = 100;

/** One engine's replication, as an operator drives it with the engine's own client. */
export interface ReplicaOps {
  /** What the link check reads, for the check's label. */
  linkText: string;
  /** `primary` stops replicating from anyone; `replica` replicates from `primaryAddress` (each told on its own address). */
  turn(primary: Endpoint, replica: Endpoint, primaryAddress: string): Promise<ProbeResult>;
  /** One look at `replica`'s link to `primaryAddress`: done when it is up. */
  link(replica: Endpoint, primaryAddress: string): Promise<{ done: boolean; detail: string }>;
  write(client: Endpoint, key: string, value: string): Promise<ProbeResult>;
  /** `detail` is the value read. */
  read(server: Endpoint, key: string): Promise<ProbeResult>;
}

/** A server as a client in namespace `ns` reaches it. */
export interface Endpoint {
  ns: string;
  address: string;
  port: number;
}

const OPS: Partial<Record<DatabaseEngine, ReplicaOps>> = { redis: redisReplicaOps, mariadb: mariadbReplicaOps };

/** The design's failover groups whose two members run one engine the lab can make replicate, both ways. */
export function replicatingGroups(design: Design): FailoverGroup[] {
  const engine = (id: string) => design.hosts.find((h) => h.id === id)?.database?.engine;
  return design.failover.filter((g) => {
    const e = engine(g.primary);
    return e !== undefined && e === engine(g.replica) && OPS[e] !== undefined;
  });
}

/**
 * Makes `to` a replica of `from` over the tunnel, as an operator (or Sentinel, or a failover manager) does after a
 * promotion; then `to`'s link must be up, and a key a client writes through the group's floating address (which
 * must reach `from`) must be readable on `to`. Two checks, in the failover column.
 */
export async function checkPairReplication(design: Design, nsOf: NsOf, g: FailoverGroup, from: string, to: string): Promise<CheckResult[]> {
  const fromHost = design.hosts.find((h) => h.id === from);
  const toHost = design.hosts.find((h) => h.id === to);
  const ops = fromHost?.database ? OPS[fromHost.database.engine] : undefined;
  const toAddress = toHost ? overlayAddresses(toHost)[0] : undefined;
  const fromAddress = fromHost && toAddress ? overlayAddresses(fromHost).find((a) => familyOfAddress(a) === familyOfAddress(toAddress)) : undefined;
  const port = fromHost?.database?.port ?? 0;
  const label = `group ${g.id}: ${to} replicates from ${from}`;
  if (!ops || !fromAddress || !toAddress) return [{ group: 'failover', label, ok: false, detail: 'no engine the lab replicates, or no common family' }];
  const primary = { ns: nsOf({ kind: 'host', id: from }), address: fromAddress, port };
  const replica = { ns: nsOf({ kind: 'host', id: to }), address: toAddress, port };
  const turned = await ops.turn(primary, replica, fromAddress);
  if (!turned.ok) return [{ group: 'failover', label, ok: false, detail: turned.detail }];
  const started = Date.now();
  const link = await poll(() => ops.link(replica, fromAddress));
  const linked: CheckResult = {
    group: 'failover', label: `${label} (${fromAddress}:${port}, ${ops.linkText})`, ok: link.done,
    detail: link.done ? `link up after ${Date.now() - started} ms` : `not up after ${DEADLINE_MS} ms: ${link.detail}`,
  };
  return [linked, await dataFlows(design, nsOf, g, ops, from, to, replica)];
}

/** A client of the pair writes a key through the floating address; it must appear on `to`. */
async function dataFlows(design: Design, nsOf: NsOf, g: FailoverGroup, ops: ReplicaOps, from: string, to: string, replica: Endpoint): Promise<CheckResult> {
  const floating = plainAddress(g.address);
  const client = design.flows.find((f) => (f.to === g.primary || f.to === g.replica) && f.from !== g.primary && f.from !== g.replica)?.from;
  const key = `${from}-to-${to}`;
  const value = `written-${Date.now()}`;
  const label = `group ${g.id}: a key ${client ?? '?'} writes through ${floating} (${from}) is read on ${to}`;
  if (!client) return { group: 'failover', label, ok: false, detail: 'no client flow to the pair' };
  const set = await ops.write({ ns: nsOf({ kind: 'host', id: client }), address: floating, port: replica.port }, key, value);
  if (!set.ok) return { group: 'failover', label, ok: false, detail: `write: ${set.detail}` };
  const started = Date.now();
  const read = await poll(async () => {
    const r = await ops.read(replica, key);
    return { done: r.ok && r.detail === value, detail: r.ok ? `read '${r.detail}'` : r.detail };
  });
  return { group: 'failover', label, ok: read.done, detail: read.done ? `read after ${Date.now() - started} ms` : `not read in ${DEADLINE_MS} ms: ${read.detail}` };
}

async function poll(step: () => Promise<{ done: boolean; detail: string }>): Promise<{ done: boolean; detail: string }> {
  const deadline = Date.now() + DEADLINE_MS;
  let last = await step();
  while (!last.done && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    last = await step();
  }
  return last;
}
