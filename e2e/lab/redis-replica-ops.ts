import type { ReplicaOps } from './pair-replication';
import { redisCli } from './redis';

/** Redis replication by hand, as Sentinel does it: REPLICAOF NO ONE on the primary, REPLICAOF <primary> on the replica. */
export const redisReplicaOps: ReplicaOps = {
  linkText: 'INFO replication: master_link_status:up',
  async turn(primary, replica, primaryAddress) {
    const steps = [
      await redisCli(primary.ns, primary.address, primary.port, ['REPLICAOF', 'NO', 'ONE']),
      await redisCli(replica.ns, replica.address, replica.port, ['REPLICAOF', primaryAddress, String(primary.port)]),
    ];
    const failed = steps.find((s) => !s.ok);
    return failed ? { ok: false, detail: `REPLICAOF: ${failed.detail}` } : { ok: true, detail: 'OK' };
  },
  async link(replica, primaryAddress) {
    const info = await redisCli(replica.ns, replica.address, replica.port, ['INFO', 'replication']);
    const status = /master_link_status:(\w+)/.exec(info.detail)?.[1];
    const host = /master_host:(\S+)/.exec(info.detail)?.[1];
    return { done: status === 'up' && host === primaryAddress, detail: info.ok ? `master_host:${host ?? '?'} master_link_status:${status ?? '?'}` : info.detail };
  },
  async write(client, key, value) {
    // A replica refuses writes (READONLY): an OK says the address reached the primary.
    const r = await redisCli(client.ns, client.address, client.port, ['SET', `lab:${key}`, value]);
    return r.ok && r.detail === 'OK' ? r : { ok: false, detail: r.detail };
  },
  read: (server, key) => redisCli(server.ns, server.address, server.port, ['GET', `lab:${key}`]),
};
