import { LAB_MARIADB_PASSWORD, mariadbSql } from './mariadb';
import type { ReplicaOps } from './pair-replication';

/**
 * MariaDB GTID replication by hand, as a switchover does it: the new primary forgets its source; the replica follows
 * the primary from its own GTID position (`current_pos`: after a promotion the old primary's last transactions are
 * in the new primary's binary log, thanks to log_slave_updates).
 */
export const mariadbReplicaOps: ReplicaOps = {
  linkText: 'SHOW SLAVE STATUS: Slave_IO_Running and Slave_SQL_Running Yes',
  async turn(primary, replica, primaryAddress) {
    const stop = await mariadbSql(primary.ns, primary.address, primary.port, 'STOP SLAVE; RESET SLAVE ALL');
    if (!stop.ok) return { ok: false, detail: `primary: ${stop.detail}` };
    const follow = await mariadbSql(replica.ns, replica.address, replica.port, `STOP SLAVE; RESET SLAVE ALL; CHANGE MASTER TO
      MASTER_HOST='${primaryAddress}', MASTER_PORT=${primary.port}, MASTER_USER='lab', MASTER_PASSWORD='${LAB_MARIADB_PASSWORD}',
      MASTER_USE_GTID=current_pos, MASTER_CONNECT_RETRY=1; START SLAVE`);
    return follow.ok ? follow : { ok: false, detail: `replica: ${follow.detail}` };
  },
  async link(replica, primaryAddress) {
    const r = await mariadbSql(replica.ns, replica.address, replica.port, 'SHOW SLAVE STATUS\\G', true);
    const field = (name: string) => new RegExp(`^\\s*${name}: (.*)$`, 'm').exec(r.detail)?.[1]?.trim() ?? '?';
    const io = field('Slave_IO_Running');
    const sql = field('Slave_SQL_Running');
    const host = field('Master_Host');
    const error = field('Last_IO_Error') || field('Last_SQL_Error');
    return {
      done: r.ok && io === 'Yes' && sql === 'Yes' && host === primaryAddress,
      detail: r.ok ? `Master_Host ${host}, Slave_IO_Running ${io}, Slave_SQL_Running ${sql}${error && error !== '?' ? `: ${error}` : ''}` : r.detail,
    };
  },
  write: (client, key, value) => mariadbSql(client.ns, client.address, client.port, `CREATE DATABASE IF NOT EXISTS lab;
    CREATE TABLE IF NOT EXISTS lab.kv (k VARCHAR(64) PRIMARY KEY, v VARCHAR(64)); REPLACE INTO lab.kv VALUES ('${key}', '${value}')`),
  read: (server, key) => mariadbSql(server.ns, server.address, server.port, `SELECT v FROM lab.kv WHERE k = '${key}'`),
};
