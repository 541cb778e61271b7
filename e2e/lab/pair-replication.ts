import type { Design, FailoverGroup } from '../../src/engine';
import { familyOfAddress, overlayAddresses, plainAddress } from './db-endpoints';
import { redisCli } from './redis';
import type { CheckResult } from './results';
import type { NsOf } from './run-probes';

/** How long a replica may take to link up, or a written key to arrive: a diskless sync over veth takes milliseconds. */
const DEADLINE_MS = 10_000;
const POLL_MS = 100;

/** The design's failover groups whose two members run Redis: the lab makes them replicate, both ways. */
export function redisGroups(design: Design): FailoverGroup[] {
  const isRedis = (id: string) => design.hosts.find((h) => h.id === id)?.database?.engine === 'redis';
  return design.failover.filter((g) => isRedis(g.primary) && isRedis(g.replica));
}

/**
 * Makes `to` a replica of `from` over the tunnel, as an operator (or Sentinel) does after a promotion: `REPLICAOF NO
 * ONE` on `from`, `REPLICAOF <from's overlay address>` on `to`. Then `INFO replication` on `to` must report
 * `master_link_status:up`, and a key a client writes through the group's floating address (which must reach `from`:
 * a replica refuses writes) must be readable on `to`. Two checks, in the failover column.
 */
export async function checkRedisReplication(design: Design, nsOf: NsOf, g: FailoverGroup, from: string, to: string): Promise<CheckResult[]> {
  const fromHost = design.hosts.find((h) => h.id === from);
  const toHost = design.hosts.find((h) => h.id === to);
  const toAddress = toHost ? overlayAddresses(toHost)[0] : undefined;
  const fromAddress = fromHost && toAddress ? overlayAddresses(fromHost).find((a) => familyOfAddress(a) === familyOfAddress(toAddress)) : undefined;
  const port = fromHost?.database?.port ?? 6379;
  const label = `group ${g.id}: ${to} replicates from ${from}`;
  if (!fromAddress || !toAddress) return [{ group: 'failover', label, ok: false, detail: 'no overlay address of one family on both' }];
  const fromNs = nsOf({ kind: 'host', id: from });
  const toNs = nsOf({ kind: 'host', id: to });
  // Each member is told over its own overlay address (loopback inside its namespace, past no firewall).
  const steps = [
    await redisCli(fromNs, fromAddress, port, ['REPLICAOF', 'NO', 'ONE']),
    await redisCli(toNs, toAddress, port, ['REPLICAOF', fromAddress, String(port)]),
  ];
  const failed = steps.find((s) => !s.ok);
  if (failed) return [{ group: 'failover', label, ok: false, detail: `REPLICAOF: ${failed.detail}` }];
  const started = Date.now();
  const link = await poll(async () => {
    const info = await redisCli(toNs, toAddress, port, ['INFO', 'replication']);
    const status = /master_link_status:(\w+)/.exec(info.detail)?.[1];
    const host = /master_host:(\S+)/.exec(info.detail)?.[1];
    return { done: status === 'up' && host === fromAddress, detail: info.ok ? `master_host:${host ?? '?'} master_link_status:${status ?? '?'}` : info.detail };
  });
  const linked: CheckResult = {
    group: 'failover', label: `${label} (${fromAddress}:${port}, INFO replication: master_link_status:up)`, ok: link.done,
    detail: link.done ? `link up after ${Date.now() - started} ms` : `not up after ${DEADLINE_MS} ms: ${link.detail}`,
  };
  return [linked, await dataFlows(design, nsOf, g, from, to, toAddress, port)];
}

/** A client of the pair writes a key through the floating address; it must appear on `to`. */
async function dataFlows(design: Design, nsOf: NsOf, g: FailoverGroup, from: string, to: string, toAddress: string, port: number): Promise<CheckResult> {
  const floating = plainAddress(g.address);
  const client = design.flows.find((f) => (f.to === g.primary || f.to === g.replica) && f.from !== g.primary && f.from !== g.replica)?.from;
  const key = `lab:${from}-to-${to}`;
  const value = `written-${Date.now()}`;
  const label = `group ${g.id}: a key ${client ?? '?'} writes through ${floating} (${from}) is read on ${to}`;
  if (!client) return { group: 'failover', label, ok: false, detail: 'no client flow to the pair' };
  const set = await redisCli(nsOf({ kind: 'host', id: client }), floating, port, ['SET', key, value]);
  if (!set.ok || set.detail !== 'OK') return { group: 'failover', label, ok: false, detail: `SET: ${set.detail}` };
  const started = Date.now();
  const read = await poll(async () => {
    const r = await redisCli(nsOf({ kind: 'host', id: to }), toAddress, port, ['GET', key]);
    return { done: r.ok && r.detail === value, detail: r.ok ? `GET = '${r.detail}'` : r.detail };
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
