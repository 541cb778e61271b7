import { describe, expect, it } from 'vitest';
import { formatPrefix } from '../net';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan, Plan } from '../plan/types';
import { collectedFleet } from '../testing/collected-host';
import type { CollectedEdit } from '../testing/collected-host';
import { fixtureDesign } from '../testing/fixture-design';
import { driftAsFindings } from './as-findings';
import { detectDrift } from './detect-drift';
import { COLLECTED_FILES } from '../render/collect-script';
import { DriftInputError } from './drift-input-error';
import { parseWgDump } from './wg-dump';
import type { CollectedFleet } from './types';

const NOW = 1_800_000_000;
const OTHER_KEY = `${'Q'.repeat(42)}A=`;

function fleetOf(plan: Plan, edits: Readonly<Record<string, CollectedEdit>> = {}): Record<string, Record<string, string>> {
  return collectedFleet(plan, NOW, edits);
}

describe('detectDrift', () => {
  const plan = buildPlan(fixtureDesign('hub-and-spoke'));
  const hub = plan.hosts.find((h) => h.peers.length > 1) as HostPlan;
  const spoke = hub.peers[0];

  it('finds nothing when every host is as planned', () => {
    expect(detectDrift(plan, fleetOf(plan))).toEqual([]);
  });

  it('names the missing peer and its tunnel, and a peer the design does not know', () => {
    const fleet = fleetOf(plan, { [hub.id]: { peers: (l) => [...l.slice(1), ['wg0', OTHER_KEY, '(none)', '(none)', '10.99.0.1/32', '0', '0', '0', 'off'].join('\t')] } });
    expect(detectDrift(plan, fleet)).toEqual([
      { host: hub.id, peer: spoke?.hostId, tunnel: spoke?.tunnelId, what: 'peer-missing', expected: `peer ${spoke?.hostId} (${spoke?.publicKey})`, actual: 'not on the interface' },
      { host: hub.id, peer: null, tunnel: null, what: 'peer-unknown', expected: 'nothing', actual: `peer ${OTHER_KEY} allowed ips 10.99.0.1/32` },
    ]);
  });

  it('calls a peer with the design\'s AllowedIPs but another key a key mismatch', () => {
    const fleet = fleetOf(plan, { [hub.id]: { peers: (l) => l.map((x, i) => (i === 0 ? x.replace(spoke?.publicKey ?? '', OTHER_KEY) : x)) } });
    expect(detectDrift(plan, fleet).map((f) => [f.what, f.peer, f.expected, f.actual])).toEqual([['peer-key', spoke?.hostId, spoke?.publicKey, OTHER_KEY]]);
  });

  it('reports a preshared key the design has and the interface does not', () => {
    const withPsk = buildPlan({ ...fixtureDesign('point-to-point'), tunnels: fixtureDesign('point-to-point').tunnels.map((t) => ({ ...t, presharedKey: OTHER_KEY })) });
    expect(detectDrift(withPsk, collectedFleet(withPsk, NOW))).toEqual([]);
    const fleet = collectedFleet(withPsk, NOW, { 'app-1': { peers: (l) => l.map((x) => x.replace('(redacted)', '(none)')) } });
    expect(detectDrift(withPsk, fleet).map((f) => [f.host, f.what, f.tunnel])).toEqual([['app-1', 'preshared-key', 't-app-1-pg']]);
  });

  it('reports an old handshake on a tunnel that carries flows, and the MTU', () => {
    const stale = (l: string[]) => l.map((x, i) => (i === 0 ? x.replace(`\t${NOW - 30}\t`, `\t${NOW - 181}\t`) : x));
    const found = detectDrift(plan, fleetOf(plan, { [hub.id]: { peers: stale, mtu: 1500 } }));
    expect(found.map((f) => [f.what, f.actual])).toEqual([['mtu', '1500'], ['handshake-stale', '181 s ago']]);
  });

  it('compares the listen port only where the design fixes one', () => {
    const d = fixtureDesign('point-to-point');
    const random = buildPlan({ ...d, hosts: d.hosts.map((h) => (h.id === 'app-1' ? { ...h, randomListenPort: true, listenPort: null, endpoint: null } : h)) });
    const free = random.hosts.find((h) => h.listenPort === null);
    expect(free).toBeDefined();
    // collectedFleet writes some port for it, as wg would have chosen one: not drift.
    expect(detectDrift(random, collectedFleet(random, NOW))).toEqual([]);
    const fixed = random.hosts.find((h) => h.listenPort !== null) as HostPlan;
    const fleet = collectedFleet(random, NOW);
    const files = fleet[fixed.id] as Record<string, string>;
    files[COLLECTED_FILES.wgDump] = (files[COLLECTED_FILES.wgDump] ?? '').replace(`\t${fixed.listenPort}\t`, '\t51999\t');
    const moved = detectDrift(random, fleet);
    expect(moved.map((f) => [f.host, f.what])).toEqual([[fixed.id, 'listen-port']]);
  });

  it('reports an interface that is down', () => {
    expect(detectDrift(plan, fleetOf(plan, { [hub.id]: { down: true } })).map((f) => [f.host, f.what])).toEqual([[hub.id, 'interface-down']]);
  });

  it('reports AllowedIPs no route through wg0 covers, and reads default and host routes', () => {
    const fleet = fleetOf(plan);
    const files = fleet[hub.id] as Record<string, string>;
    const routes = JSON.parse(files['ip-route.json'] ?? '[]') as Array<{ dst: string }>;
    const first = spoke?.allowedIPs[0];
    const firstText = first ? formatPrefix(first) : '';
    files['ip-route.json'] = JSON.stringify(routes.filter((r) => !firstText.startsWith(`${r.dst}/`) && r.dst !== firstText));
    expect(detectDrift(plan, fleet).map((f) => [f.what, f.peer, f.expected])).toEqual([['route-missing', spoke?.hostId, `a route through wg0 for ${firstText}`]]);
    files['ip-route.json'] = JSON.stringify([{ dst: 'default', dev: 'wg0' }, { dst: '192.0.2.1', dev: 'eth0' }]);
    expect(detectDrift(plan, fleet)).toEqual([]);
    files['ip-route.json'] = '{"not": "a list"}';
    expect(() => detectDrift(plan, fleet)).toThrow(`${hub.id}/ip-route.json line 1: is not the list of routes ip -j route show prints`);
  });

  it('reports a missing interface once, not once per peer', () => {
    const fleet = fleetOf(plan, { [hub.id]: { peers: () => [] } });
    (fleet[hub.id] as Record<string, string>)['wg-dump.txt'] = '';
    expect(detectDrift(plan, fleet).map((f) => [f.host, f.what])).toEqual([[hub.id, 'interface-missing']]);
  });

  it('reports a removed firewall chain rule and a missing table', () => {
    const fleet = fleetOf(plan);
    const files = fleet[hub.id] as Record<string, string>;
    const line = files['iptables-save.txt']?.split('\n').find((l) => l.includes('--comment "flow')) ?? '';
    expect(line).not.toBe('');
    files['iptables-save.txt'] = files['iptables-save.txt']?.replace(`${line}\n`, '') ?? '';
    expect(detectDrift(plan, fleet).map((f) => [f.what, f.expected.split(':')[0]])).toEqual([['firewall-rule-missing', `chain ${line.split(' ')[1]} (IPv4)`]]);
    files['iptables-save.txt'] = '*filter\nCOMMIT\n';
    files['ip6tables-save.txt'] = '*filter\nCOMMIT\n';
    expect(detectDrift(plan, fleet).map((f) => f.what)).toEqual(['firewall-missing']);
  });

  it('refuses a missing host folder or file, and damaged files, naming the file and line', () => {
    const fleet = fleetOf(plan);
    const without = Object.fromEntries(Object.entries(fleet).filter(([id]) => id !== hub.id));
    expect(() => detectDrift(plan, without)).toThrow(new DriftInputError(`${hub.id}/`, 0, `no folder for host ${hub.id}: run its collect.sh and copy the folder here`));
    const files = fleet[hub.id] as Record<string, string>;
    const broken = (name: string, text: string | undefined): CollectedFleet => ({ ...fleet, [hub.id]: { ...files, [name]: text as string } });
    expect(() => detectDrift(plan, broken('wg-dump.txt', `${files['wg-dump.txt']}wg0\tbroken\n`))).toThrow(`${hub.id}/wg-dump.txt line ${hub.peers.length + 2}: 2 tab-separated columns`);
    expect(() => detectDrift(plan, broken('ip-addr.json', '[\n{"ifname": "wg0",\n oops}]'))).toThrow(new RegExp(`^${hub.id}/ip-addr.json line 3: is not JSON`));
    expect(() => detectDrift(plan, broken('collected-at.txt', 'yesterday'))).toThrow(`${hub.id}/collected-at.txt line 1: "yesterday" is not the Unix time`);
    const noNow: Record<string, string> = { ...files };
    delete noNow['collected-at.txt'];
    expect(() => detectDrift(plan, { ...fleet, [hub.id]: noNow })).toThrow(`${hub.id}/collected-at.txt: is missing`);
  });

  it('reports a collected folder of a host the design does not have', () => {
    expect(detectDrift(plan, { ...fleetOf(plan), 'old-db': {} })).toEqual([
      { host: 'old-db', peer: null, tunnel: null, what: 'host-unknown', expected: 'nothing', actual: 'a collected folder old-db/ the design has no managed host for' },
    ]);
  });
});

describe('parseWgDump', () => {
  it('reads a peer line of wg show all dump and sorts its AllowedIPs', () => {
    const key = `${'A'.repeat(42)}E=`;
    const dump = parseWgDump(`wg0\t(redacted)\t${key}\t51820\toff\nwg0\t${OTHER_KEY}\t(redacted)\t203.0.113.1:51820\t10.0.0.2/32,10.0.0.1/32\t17\t1\t2\t25\n`, 'x');
    expect(dump.get('wg0')?.peers).toEqual([{ publicKey: OTHER_KEY, presharedKey: true, endpoint: '203.0.113.1:51820', allowedIPs: ['10.0.0.1/32', '10.0.0.2/32'], latestHandshake: 17, keepalive: 25 }]);
  });
});

describe('driftAsFindings', () => {
  it('marks the host and the tunnel of a peer missing live, and only the host of a peer the design does not know', () => {
    const found = driftAsFindings([
      { host: 'hub', peer: 'app-1', tunnel: 't-hub-app-1', what: 'peer-missing', expected: 'peer app-1', actual: 'not on the interface' },
      { host: 'hub', peer: null, tunnel: null, what: 'peer-unknown', expected: 'nothing', actual: 'peer K allowed ips 10.0.0.9/32' },
      { host: 'gone', peer: null, tunnel: null, what: 'host-unknown', expected: 'nothing', actual: 'a folder' },
    ], new Set(['hub', 'app-1']));
    expect(found).toEqual([
      { code: 'drift-peer-missing', severity: 'error', message: 'Live: hub peer app-1 (tunnel t-hub-app-1): peer-missing: expected peer app-1; live not on the interface', subjects: { hosts: ['hub'], tunnels: ['t-hub-app-1'] } },
      { code: 'drift-peer-unknown', severity: 'error', message: 'Live: hub: peer-unknown: expected nothing; live peer K allowed ips 10.0.0.9/32', subjects: { hosts: ['hub'] } },
      { code: 'drift-host-unknown', severity: 'warning', message: 'Live: gone: host-unknown: expected nothing; live a folder', subjects: {} },
    ]);
  });
});
