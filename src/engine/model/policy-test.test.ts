import { describe, expect, it } from 'vitest';
import { formatFieldError, parseDesign } from './parse-design';
import { parseProbeTarget, parseSelector, selectHosts } from './policy-test';
import { publicDesign } from './public-design';
import { decodeShareFragment, encodeShareFragment } from '../share/share-link';

const design = (tests: unknown) => ({
  format: 'wg-designer/1',
  hosts: [
    { id: 'app-1', role: 'app' },
    { id: 'pg', role: 'db', endpoint: '203.0.113.10:51820' },
    { id: 'gw', role: 'gateway', endpoint: '203.0.113.11:51820', lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.5.20', port: 5432 }] },
  ],
  ...(tests === undefined ? {} : { tests }),
});

const errorsOf = (tests: unknown) => {
  const r = parseDesign(design(tests));
  return r.ok ? [] : r.errors.map(formatFieldError);
};

describe('policy tests in the design', () => {
  it('reads selectors and targets: host, role group, every host, a service, TCP by default', () => {
    expect(parseSelector('*')).toEqual({ kind: 'all' });
    expect(parseSelector('role:db')).toEqual({ kind: 'role', role: 'db' });
    expect(parseProbeTarget('pg:5432')).toEqual({ hosts: { kind: 'host', id: 'pg' }, serviceId: null, port: 5432, proto: 'tcp' });
    expect(parseProbeTarget('role:app:53/udp')).toEqual({ hosts: { kind: 'role', role: 'app' }, serviceId: null, port: 53, proto: 'udp' });
    expect(parseProbeTarget('gw/rds:5432')).toEqual({ hosts: { kind: 'host', id: 'gw' }, serviceId: 'rds', port: 5432, proto: 'tcp' });
    const hosts = [{ id: 'a', role: 'app' as const }, { id: 'b', role: 'db' as const }];
    expect(selectHosts({ kind: 'role', role: 'db' }, hosts)).toEqual(['b']);
    expect(selectHosts({ kind: 'all' }, hosts)).toEqual(['a', 'b']);
  });

  it('keeps the texts as written and leaves the field out when the file has none', () => {
    const tests = [{ from: 'role:app', reach: ['pg:5432', 'gw/rds:5432'], never: ['pg:22'] }];
    const r = parseDesign(design(tests));
    expect(r.ok && r.value.tests).toEqual(tests);
    const none = parseDesign(design(undefined));
    expect(none.ok && 'tests' in none.value).toBe(false);
    // design.json and share links are written from publicDesign: the tests travel, and no empty field appears.
    if (!r.ok || !none.ok) return;
    expect(JSON.parse(JSON.stringify(publicDesign(r.value))).tests).toEqual(tests);
    expect(JSON.stringify(publicDesign(none.value))).not.toContain('"tests"');
    const link = encodeShareFragment(r.value);
    const back = link.ok ? decodeShareFragment(link.value) : link;
    expect(back.ok && back.value.tests).toEqual(tests);
  });

  it('names the field of a target that does not read: port range, form, role, unknown key', () => {
    expect(errorsOf([{ from: 'app-1', reach: ['pg:0'], never: ['pg:70000', 'pg'] }])).toEqual([
      'tests[0].reach[0]: port 0 is out of range 1-65535',
      'tests[0].never[0]: port 70000 is out of range 1-65535',
      expect.stringMatching(/^tests\[0\]\.never\[1\]: must be "<host>:<port>"/),
    ]);
    expect(errorsOf([{ from: 'role:dba' }])).toEqual(['tests[0].from: has no role "dba" (roles: db, app, gateway, client)']);
    expect(errorsOf([{ from: 'App!' }])).toEqual(['tests[0].from: must be a host id, "role:<role>" or "*"']);
    expect(errorsOf([{ from: '*', rech: [] }])).toEqual([expect.stringMatching(/^tests\[0\]/)]);
  });

  it('names an unknown host or service where it is referenced', () => {
    expect(errorsOf([{ from: 'app-9', reach: ['pg-9:5432', 'gw/nope:5432', 'role:client:22'] }])).toEqual([
      'tests[0].from: no host has the id "app-9"',
      'tests[0].reach[0]: no host has the id "pg-9"',
      'tests[0].reach[1]: host "gw" has no service "nope"',
    ]);
  });
});
