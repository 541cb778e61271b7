import { describe, expect, it } from 'vitest';
import { flowPortText, flowPorts, isReplicationPort, replicationPorts } from './database-ports';

describe('replicationPorts', () => {
  it('gives each engine\'s client port first, then what its replication and clustering use', () => {
    expect(replicationPorts({ engine: 'postgresql', port: 5432 })).toEqual([5432]);
    expect(replicationPorts({ engine: 'mysql', port: 3306 })).toEqual([3306, 33061]);
    expect(replicationPorts({ engine: 'mariadb', port: 3306 })).toEqual([3306, 4567, 4568, 4444]);
    expect(replicationPorts({ engine: 'mongodb', port: 27017 })).toEqual([27017]);
    expect(replicationPorts({ engine: 'redis', port: 6379 })).toEqual([6379, 16379]);
    expect(replicationPorts({ engine: 'mssql', port: 1433 })).toEqual([1433, 5022]);
    expect(replicationPorts({ engine: 'other', port: 9000 })).toEqual([9000]);
  });

  it('follows a moved client port, never repeats one, and gives no Redis bus port above 65535', () => {
    expect(replicationPorts({ engine: 'redis', port: 7000 })).toEqual([7000, 17000]);
    expect(replicationPorts({ engine: 'redis', port: 55535 })).toEqual([55535, 65535]);
    expect(replicationPorts({ engine: 'redis', port: 55536 })).toEqual([55536]);
    expect(replicationPorts({ engine: 'mysql', port: 33061 })).toEqual([33061]);
    expect(isReplicationPort({ engine: 'mysql', port: 3307 }, 33061)).toBe(true);
    expect(isReplicationPort({ engine: 'mysql', port: 3307 }, 3306)).toBe(false);
  });
});

describe('flowPorts', () => {
  it('is the flow\'s own port, else the replication ports of the database it reaches', () => {
    const mysql = { database: { engine: 'mysql' as const, port: 3306 } };
    expect(flowPorts({ port: 3306 }, mysql)).toEqual([3306]);
    expect(flowPorts({ port: null }, mysql)).toEqual([3306, 33061]);
    expect(flowPorts({ port: null }, { database: null })).toEqual([]);
    expect(flowPortText({ port: null })).toBe('replication');
    expect(flowPortText({ port: 5432 })).toBe('5432');
  });
});
