import { describe, expect, it } from 'vitest';
import { formatFieldError, parseDesign, parseDesignText } from './parse-design';

const base = () => ({
  format: 'wg-designer/1',
  name: 'x',
  hosts: [
    { id: 'app-1', role: 'app' },
    { id: 'pg', role: 'db', endpoint: '203.0.113.10:51820' },
  ],
  tunnels: [{ id: 't1', a: 'app-1', b: 'pg' }],
  flows: [{ id: 'f1', from: 'app-1', to: 'pg' }],
});

const errorsOf = (json: unknown) => {
  const r = parseDesign(json);
  return r.ok ? [] : r.errors.map(formatFieldError);
};

describe('parseDesign', () => {
  it('fills defaults: pools, ports, PostgreSQL on a db host, and the flow port from the target', () => {
    const r = parseDesign(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.network.pools.db).toBe('10.10.0.0/24');
    expect(r.value.network.listenPort).toBe(51820);
    expect(r.value.hosts[1]?.database).toEqual({ engine: 'postgresql', port: 5432 });
    expect(r.value.hosts[0]?.name).toBe('app-1');
    expect(r.value.flows[0]?.port).toBe(5432);
    expect(r.value.tunnels[0]?.keepalive).toBeNull();
  });

  it('leaves the port of a replication flow to a database host null (its engine\'s ports), and fills every other', () => {
    const r = parseDesign({
      format: 'wg-designer/1',
      hosts: [
        { id: 'my-1', role: 'db', database: { engine: 'mysql' } }, { id: 'my-2', role: 'db', database: { engine: 'mysql' } },
        { id: 'rd-1', role: 'db', database: { engine: 'redis' } }, { id: 'rd-2', role: 'db', database: { engine: 'redis', port: 55536 } },
        { id: 'pg-1', role: 'db' }, { id: 'pg-2', role: 'db' },
        { id: 'gw', role: 'gateway', lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.0.5', port: 3306 }] },
      ],
      flows: [
        { id: 'r-my', from: 'my-1', to: 'my-2', kind: 'replication' },
        // A Redis port above 55535 has no default bus port: the flow still needs none (the client port alone).
        { id: 'r-rd', from: 'rd-1', to: 'rd-2', kind: 'replication', port: null },
        { id: 'r-pg', from: 'pg-1', to: 'pg-2', kind: 'replication', port: 5433 },
        { id: 'r-rds', from: 'my-1', to: 'gw/rds', kind: 'replication' },
        { id: 'c-my', from: 'pg-1', to: 'my-2' },
        { id: 'b-my', from: 'my-1', to: 'my-2', kind: 'backup' },
      ],
    });
    expect(r.ok && r.value.flows.map((f) => f.port)).toEqual([null, null, 5433, 3306, 3306, 3306]);
  });

  it('asks for the port of a flow whose target serves nothing, and refuses a bad port, engine or kind by field', () => {
    const input = {
      format: 'wg-designer/1',
      hosts: [{ id: 'a', role: 'app' }, { id: 'b', role: 'app' }, { id: 'pg', role: 'db' }],
      flows: [{ id: 'r-ab', from: 'a', to: 'b', kind: 'replication' }],
    };
    expect(errorsOf(input)).toEqual(['flows[0] (r-ab).port: is required: "b" runs no database or service']);
    expect(errorsOf({ ...input, flows: [{ id: 'r-pg', from: 'a', to: 'pg', kind: 'replication', port: 65536 }] }))
      .toEqual(['flows[0] (r-pg).port: port must be 1-65535: 65536 is too big, a port number has 16 bits']);
    expect(errorsOf({ ...input, hosts: [{ id: 'pg', role: 'db', database: { engine: 'oracle' } }], flows: [] }))
      .toEqual(['hosts[0] (pg).database.engine: must be one of "postgresql", "mysql", "mariadb", "mongodb", "redis", "mssql", "other"']);
    expect(errorsOf({ ...input, flows: [{ id: 'r-pg', from: 'a', to: 'pg', kind: 'replicate' }] }))
      .toEqual(['flows[0] (r-pg).kind: must be one of "client", "replication", "backup"']);
  });

  it('refuses pools too small for the hosts that take their address from them, naming the pool', () => {
    const apps = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `app-${i}`, role: 'app' }));
    const design = (pools: object, hosts: object[]) => ({ ...base(), network: { pools }, hosts, tunnels: [], flows: [] });
    // A /30 keeps two host addresses, one of them taken by a host that has its address already.
    expect(errorsOf(design({ app: '10.10.1.0/30' }, [...apps(2), { id: 'app-x', role: 'app', addresses: ['10.10.1.1'] }]))).toEqual([
      'network.pools.app: 10.10.1.0/30 has 1 free address, and 2 app hosts without an address need one each (widen the pool, or give the hosts addresses)',
    ]);
    expect(errorsOf(design({ ipv6: 'fd10:10::64/128' }, [...apps(3), { id: 'pg', role: 'db' }]))).toEqual([
      'network.pools.ipv6: fd10:10::64/128 has 1 free address, and 4 hosts without an address need one each (widen the pool, or give the hosts addresses)',
    ]);
    // Exactly full is fine, and external hosts take nothing.
    expect(errorsOf(design({ app: '10.10.1.0/30' }, [...apps(2), { id: 'ext', role: 'app', external: true, endpoint: '203.0.113.9:51820', addresses: [] }]))).toEqual([]);
  });

  it('refuses a list over its limit with one error naming the list, before reading its items', () => {
    const hosts = Array.from({ length: 20_001 }, (_, i) => ({ id: `h-${i}`, role: 'bogus' }));
    const r = parseDesign({ ...base(), hosts });
    expect(r).toEqual({ ok: false, errors: [{ path: 'hosts', message: 'has 20,001 items; a design holds at most 20,000' }] });
    const failover = Array.from({ length: 257 }, () => ({}));
    expect(parseDesign({ ...base(), failover })).toEqual({ ok: false, errors: [{ path: 'failover', message: 'has 257 items; a design holds at most 256' }] });
  });

  it('rejects an unknown format version, naming the field', () => {
    expect(errorsOf({ ...base(), format: 'wg-designer/2' })).toEqual([
      'format: must be "wg-designer/1" (this version of wg-designer reads no other format)',
    ]);
  });

  it('names the host and the field of a bad value', () => {
    const d = base();
    d.hosts[1] = { ...d.hosts[1], endpoint: '203.0.113.10:99999' } as never;
    expect(errorsOf(d)).toEqual([expect.stringMatching(/^hosts\[1\] \(pg\)\.endpoint: is not host:port/)]);
  });

  it.each([
    ['an id with capitals', { id: 'App', role: 'app' }, /hosts\[0\]\.id: must be 1-63 characters/],
    ['an id with a path', { id: '../etc', role: 'app' }, /hosts\[0\]\.id/],
    ['a bad address', { id: 'a', role: 'app', addresses: ['10.0.0.300/32'] }, /hosts\[0\] \(a\)\.addresses\[0\]: is not an IPv4 or IPv6 prefix/],
    ['a role we do not know', { id: 'a', role: 'router' }, /hosts\[0\] \(a\)\.role/],
    ['a private key that is not a key', { id: 'a', role: 'app', privateKey: 'abc' }, /hosts\[0\] \(a\)\.privateKey: is not a WireGuard key/],
    ['an MTU below IPv4 minimum', { id: 'a', role: 'app', mtu: 500 }, /hosts\[0\] \(a\)\.mtu/],
  ])('rejects %s', (_label, host, pattern) => {
    const errors = errorsOf({ format: 'wg-designer/1', hosts: [host] });
    expect(errors.join('\n')).toMatch(pattern);
  });

  it('checks references: duplicate ids, unknown tunnel ends, unknown flow targets, a portless target', () => {
    const d = base() as ReturnType<typeof base> & { hosts: unknown[]; tunnels: unknown[]; flows: unknown[] };
    d.hosts.push({ id: 'pg', role: 'app' });
    d.tunnels.push({ id: 't2', a: 'app-1', b: 'nowhere' });
    d.flows.push({ id: 'f2', from: 'app-1', to: 'pg/rds' }, { id: 'f3', from: 'pg', to: 'app-1' });
    expect(errorsOf(d)).toEqual([
      'hosts[2].id: "pg" is used by another host',
      'tunnels[1] (t2).b: no host has the id "nowhere"',
      'flows[1] (f2).to: host "pg" has no service "rds"',
      'flows[2] (f3).port: is required: "app-1" runs no database or service',
    ]);
  });

  it('refuses a second tunnel between the same two hosts', () => {
    const d = base();
    d.tunnels.push({ id: 't2', a: 'pg', b: 'app-1' });
    expect(errorsOf(d)).toEqual([expect.stringMatching(/^tunnels\[1\] \(t2\)\.b: pg and app-1 are already joined/)]);
  });

  it('drops unknown keys such as __proto__ instead of merging them', () => {
    const r = parseDesignText('{"format":"wg-designer/1","hosts":[{"id":"a","role":"app","__proto__":{"polluted":true}}],"__proto__":{"x":1}}');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (r.ok) expect(Object.keys(r.value.hosts[0] ?? {})).not.toContain('__proto__');
  });

  it('refuses text that is not JSON, too deep, or not an object, with a message', () => {
    expect(parseDesignText('{').ok).toBe(false);
    expect(parseDesignText(`${'['.repeat(50)}${']'.repeat(50)}`)).toEqual({ ok: false, errors: [{ path: '', message: 'the JSON is nested deeper than 16 levels' }] });
    expect(parseDesign([])).toMatchObject({ ok: false });
    expect(parseDesign(null)).toMatchObject({ ok: false });
  });
});
