import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../__fixtures__';
import { parseWgQuick } from '../import/wg-quick-parse';
import { formatPrefix, parsePrefix } from '../net';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { fixtureDesign } from '../testing/fixture-design';
import { parseNetworkdFile, value, values } from '../testing/networkd-parse';
import { normalisePrefixText } from '../testing/prefix-text';
import { HOST_KEY_FILE } from './install-key';
import { DEFAULT_ROUTE_TABLE, renderNetdev, renderNetwork } from './networkd';
import { renderWgQuick } from './wg-quick';

const norm = (list: string[]) => list.map(normalisePrefixText);

/** What wg0.conf gives the kernel and wg-quick, read back from its text. */
function fromWgQuick(hp: HostPlan) {
  const c = parseWgQuick(renderWgQuick(hp, { privateKey: 'include', designName: 'd' }));
  return {
    mtu: String(c.iface.mtu), port: String(c.iface.listenPort), addresses: c.iface.addresses,
    peers: c.peers.map((p) => ({
      publicKey: p.publicKey, presharedKey: p.presharedKey, allowedIPs: norm(p.allowedIPs),
      endpoint: p.endpoint, keepalive: p.persistentKeepalive === null ? null : String(p.persistentKeepalive),
    })),
    // wg-quick adds a route per AllowedIPs prefix of every peer on the interface.
    routes: norm(c.peers.flatMap((p) => p.allowedIPs)).sort(),
  };
}

/** The same facts read back from wg0.netdev and wg0.network. */
function fromNetworkd(hp: HostPlan) {
  const netdev = parseNetworkdFile(renderNetdev(hp, 'd'));
  const network = parseNetworkdFile(renderNetwork(hp, 'd'));
  const one = (name: string) => netdev.find((s) => s.name === name)!;
  return {
    mtu: value(one('NetDev'), 'MTUBytes'), port: value(one('WireGuard'), 'ListenPort'),
    addresses: network.filter((s) => s.name === 'Network').flatMap((s) => values(s, 'Address')),
    peers: netdev.filter((s) => s.name === 'WireGuardPeer').map((s) => ({
      publicKey: value(s, 'PublicKey'), presharedKey: value(s, 'PresharedKey'), allowedIPs: norm(values(s, 'AllowedIPs')),
      endpoint: value(s, 'Endpoint'), keepalive: value(s, 'PersistentKeepalive'),
    })),
    routes: norm(network.filter((s) => s.name === 'Route').flatMap((s) => values(s, 'Destination'))).sort(),
  };
}

describe.each(Object.keys(FIXTURES))('networkd files of fixture %s', (name) => {
  const plan = buildPlan(fixtureDesign(name));
  const hosts = plan.hosts.filter((h) => !h.external);

  it.each(hosts.map((h) => [h.id, h] as const))('%s: the same interface, peers, AllowedIPs and routes as wg0.conf', (_id, hp) => {
    const want = fromWgQuick(hp);
    expect(fromNetworkd(hp)).toEqual(want);
    expect(want.peers.length).toBeGreaterThan(0);
  });

  it.each(hosts.map((h) => [h.id, h] as const))('%s: the private key only by file, never inline', (_id, hp) => {
    const netdev = renderNetdev(hp, 'd');
    expect(netdev).toContain(`PrivateKeyFile=${HOST_KEY_FILE}\n`);
    expect(netdev).not.toMatch(/^PrivateKey=/m);
    expect(netdev).not.toContain(hp.privateKey as string);
  });
});

describe('networkd files of unusual plans', () => {
  const base = buildPlan(fixtureDesign('hub-and-spoke')).hosts.find((h) => h.peers.length >= 2)!;
  const [first, second] = base.peers as [HostPlan['peers'][number], HostPlan['peers'][number]];

  it('comments out a peer whose public key is not known, and routes none of its AllowedIPs, as wg0.conf', () => {
    const hp: HostPlan = { ...base, peers: [first, { ...second, publicKey: null }] };
    const netdev = renderNetdev(hp, 'd');
    expect(netdev).toContain(`# PublicKey of ${second.hostId} is not known yet`);
    expect(netdev).toContain('# [WireGuardPeer]\n# PublicKey=\n');
    expect(fromNetworkd(hp)).toEqual(fromWgQuick(hp));
  });

  it('routes a default route as wg-quick: its own table, the fwmark, and the two policy rules of its family', () => {
    const hp: HostPlan = { ...base, peers: [{ ...first, allowedIPs: [parsePrefix('0.0.0.0/0'), parsePrefix('::/0')] }, second] };
    expect(renderNetdev(hp, 'd')).toContain(`FirewallMark=${DEFAULT_ROUTE_TABLE}\n`);
    const network = parseNetworkdFile(renderNetwork(hp, 'd'));
    const defaults = network.filter((s) => s.name === 'Route' && value(s, 'Table') !== null);
    expect(defaults.map((s) => [value(s, 'Destination'), value(s, 'Table')])).toEqual([['0.0.0.0/0', '51820'], ['::/0', '51820']]);
    const rules = network.filter((s) => s.name === 'RoutingPolicyRule').map((s) => Object.fromEntries(s.entries));
    expect(rules).toEqual([
      { FirewallMark: '51820', InvertRule: 'yes', Table: '51820', Family: 'ipv4' }, { Table: 'main', SuppressPrefixLength: '0', Family: 'ipv4' },
      { FirewallMark: '51820', InvertRule: 'yes', Table: '51820', Family: 'ipv6' }, { Table: 'main', SuppressPrefixLength: '0', Family: 'ipv6' },
    ]);
    // The other peer's prefixes stay in the main table.
    const main = network.filter((s) => s.name === 'Route' && value(s, 'Table') === null).map((s) => value(s, 'Destination'));
    expect(main).toEqual(second.allowedIPs.map(formatPrefix));
  });

  it('writes no ListenPort, as wg0.conf writes none, for a host with randomListenPort that nobody dials', () => {
    const d = fixtureDesign('point-to-point');
    const app = d.hosts.find((h) => h.id === 'app-1');
    const quiet = { ...d, hosts: d.hosts.map((h) => (h === app ? { ...h, endpoint: null, listenPort: null, randomListenPort: true } : h)) };
    const hp = buildPlan(quiet).byId.get(app?.id ?? '') as HostPlan;
    expect(renderNetdev(hp, 'd')).not.toMatch(/ListenPort/);
    expect(renderWgQuick(hp, { privateKey: 'include', designName: 'd' })).not.toMatch(/ListenPort/);
    // With an endpoint, peers dial a port: it is fixed again whatever the flag says.
    const dialled = buildPlan({ ...quiet, hosts: quiet.hosts.map((h) => (h.id === app?.id ? { ...h, endpoint: '203.0.113.9:51999' } : h)) });
    expect(renderNetdev(dialled.byId.get(app?.id ?? '') as HostPlan, 'd')).toContain('ListenPort=51999');
  });

  it('keeps user text on comment lines only', () => {
    const hp: HostPlan = { ...base, name: 'x\n[WireGuard]\nPrivateKey=evil' };
    for (const text of [renderNetdev(hp, 'design\nAddress=1.2.3.4/32'), renderNetwork(hp, 'design\nAddress=1.2.3.4/32')]) {
      for (const line of text.split('\n')) if (/evil|1\.2\.3\.4/.test(line)) expect(line.startsWith('#')).toBe(true);
    }
  });
});
