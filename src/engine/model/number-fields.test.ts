import { describe, expect, it } from 'vitest';
import { formatFieldError, parseDesign } from './parse-design';

const design = (host: object, more: object = {}) => ({
  format: 'wg-designer/1',
  hosts: [{ id: 'app-1', role: 'app' }, { id: 'pg', role: 'db', endpoint: '203.0.113.10:51820', ...host }],
  tunnels: [{ id: 't1', a: 'app-1', b: 'pg' }],
  ...more,
});
const errorsOf = (json: unknown) => {
  const r = parseDesign(json);
  return r.ok ? [] : r.errors.map(formatFieldError);
};

describe('number fields', () => {
  it('refuses an MTU of 99999 in network terms, naming the host, the field and the range', () => {
    expect(errorsOf(design({ mtu: 99999 }))).toEqual([
      'hosts[1] (pg).mtu: MTU must be between 576 and 65535 bytes: 99999 is too big, above the largest IP packet (the length field has 16 bits)',
    ]);
    expect(errorsOf(design({ mtu: 500 }))).toEqual([
      'hosts[1] (pg).mtu: MTU must be between 576 and 65535 bytes: 500 is too small, below the 576 bytes every IPv4 host must accept (an interface that carries IPv6 needs 1280)',
    ]);
  });

  it('refuses a port of 70000 naming which port of which list item', () => {
    expect(errorsOf(design({ listenPort: 70000 }))).toEqual([
      'hosts[1] (pg).listenPort: listen port must be 1-65535: 70000 is too big, a port number has 16 bits',
    ]);
    expect(errorsOf(design({}, { flows: [{ id: 'f1', from: 'app-1', to: 'pg', port: 70000 }] }))).toEqual([
      'flows[0] (f1).port: port must be 1-65535: 70000 is too big, a port number has 16 bits',
    ]);
    expect(errorsOf(design({ database: { engine: 'mysql', port: 0 } }))).toEqual([
      'hosts[1] (pg).database.port: database port must be 1-65535: 0 is too small, port 0 cannot be dialled or listened on',
    ]);
  });

  it('says what a fraction or text in a number field should be', () => {
    expect(errorsOf(design({}, { tunnels: [{ id: 't1', a: 'app-1', b: 'pg', keepalive: 2.5 }] }))).toEqual([
      'tunnels[0] (t1).keepalive: PersistentKeepalive must be between 0 and 65535 seconds, a whole number: 2.5 is not',
    ]);
    expect(errorsOf(design({ underlay: { mtu: '1500', family: 'ipv4' } }))).toEqual([
      'hosts[1] (pg).underlay.mtu: underlay MTU must be between 656 and 65535 bytes, written as a number (not text)',
    ]);
    expect(errorsOf(design({ underlay: { family: 'ipv4' } }))).toEqual(['hosts[1] (pg).underlay.mtu: is required']);
  });

  it('lets no zod default message through: types, options and ranges of every kind', () => {
    const messages = errorsOf({
      format: 'wg-designer/1',
      name: 7,
      network: { listenPort: -1, managementPort: 'ssh', presharedKeys: 'yes', keys: 'nobody', monitoring: { host: 'pg', exporterPort: 1e6 } },
      hosts: [{ id: 'pg', role: 'router', behindNat: 1, mtu: null, underlay: { mtu: 600, family: 'ipx' }, position: { x: 'left' }, lans: 'x' }],
      tunnels: [{ id: 't1', a: 'pg', b: 'pg', keepalive: 70000 }],
      flows: [{ id: 'f', from: 'pg', to: 'pg', proto: 'icmp', kind: 'other' }],
    });
    expect(messages.length).toBeGreaterThan(10);
    for (const m of messages) expect(m).not.toMatch(/Too big|Too small|Invalid input|Invalid option|expected (number|string|boolean)|received/);
    expect(messages).toContain('hosts[0] (pg).role: must be one of "db", "app", "gateway", "client"');
    expect(messages).toContain('network.presharedKeys: must be true or false (not text)');
    expect(messages).toContain('name: must be text (not a number)');
  });
});
