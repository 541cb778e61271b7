import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan, Plan } from '../plan/types';
import type { Design } from '../model/design';
import { fixtureDesign } from '../testing/fixture-design';
import { renderInstallScript } from './install-script';
import { QOS_SCRIPT_PATH, QOS_UNIT, qosIndex, renderQos } from './qos';
import { qosPeers, qosRates } from './qos-classes';
import { renderQosUnit } from './qos-unit';

const RATES = { bulkRateMbit: 5, linkRateMbit: 20 };

/** point-to-point with a backup stream from app-1 to pg-primary:5433 beside the queries: one tunnel carries both. */
function mixedDesign(): Design {
  const d = fixtureDesign('point-to-point');
  return { ...d, flows: [...d.flows, { id: 'b-app-1-pg', from: 'app-1', to: 'pg-primary', port: 5433, proto: 'tcp', kind: 'backup' }] };
}

function host(plan: Plan, id: string): HostPlan {
  return plan.byId.get(id) as HostPlan;
}

describe('qos.sh', () => {
  it('shapes wg0 and the underlay at 95 % of the link, database first and bulk capped', () => {
    const plan = buildPlan(mixedDesign());
    const sh = renderQos(host(plan, 'app-1'), qosIndex(plan), RATES);
    expect(sh).toContain('bulk streams capped at 5 Mbit/s');
    expect(sh).toContain('classid 77:1 htb rate 19000kbit ceil 19000kbit quantum 1514');
    expect(sh).toContain('classid 77:10 htb rate 9500kbit ceil 19000kbit prio 0 quantum 1514');
    expect(sh).toContain('classid 77:30 htb rate 4750kbit ceil 5000kbit prio 2 quantum 1514');
    expect(sh).toContain('leaf "$dev" 77:10 7710:');
    expect(sh).toContain('fq_codel 2>/dev/null && return 0');
    // IPv4 underlay: 20 IP + 8 UDP + 32 WireGuard, and the 14-byte Ethernet header.
    expect(sh).toContain('root wg0 stab overhead 74 linklayer ethernet');
    expect(sh).toContain('tc filter add dev wg0 parent 77: protocol ip prio 2 u32 match ip dst 10.10.0.1 match ip dport 5432 0xffff flowid 77:10');
    expect(sh).toContain('tc filter add dev wg0 parent 77: protocol ip prio 1 u32 match ip dst 10.10.0.1 match ip dport 5433 0xffff flowid 77:30');
    // The one tunnel carries both: its outer flow goes with the database; wg0 has capped the backup already.
    expect(sh).toContain('peers+=("10 ip 203.0.113.10 51820 pg-primary")');
    expect(sh).toContain('match ip sport 51820 0xffff match ip dst $addr/32 match ip dport $port 0xffff flowid 77:$minor');
  });

  it('reads the port wg chose for a host with no fixed ListenPort (randomListenPort), instead of assuming one', () => {
    const d = mixedDesign();
    const quiet = { ...d, hosts: d.hosts.map((h) => (h.id === 'app-1' ? { ...h, endpoint: null, listenPort: null, randomListenPort: true } : h)) };
    const plan = buildPlan(quiet);
    expect(host(plan, 'app-1').listenPort).toBeNull();
    const sh = renderQos(host(plan, 'app-1'), qosIndex(plan), RATES);
    expect(sh).toContain('listen_port=$(wg show "$wg" listen-port)');
    expect(sh).toContain('match ip sport $listen_port 0xffff match ip dst $addr/32');
    expect(sh).toContain('match ip protocol 17 0xff match ip sport $listen_port 0xffff flowid');
    expect(sh).not.toMatch(/sport (51820|null)/);
  });

  it('answers leave the server from the port', () => {
    const plan = buildPlan(mixedDesign());
    const sh = renderQos(host(plan, 'pg-primary'), qosIndex(plan), RATES);
    expect(sh).toMatch(/protocol ip prio 2 u32 match ip dst 10\.10\.1\.\d+ match ip sport 5432 0xffff flowid 77:10/);
    expect(sh).toMatch(/protocol ip prio 1 u32 match ip dst 10\.10\.1\.\d+ match ip sport 5433 0xffff flowid 77:30/);
    expect(sh).not.toContain('dport 5432');
  });

  it('classes a peer by what its tunnel carries: only bulk, database, or nothing', () => {
    const plan = buildPlan(fixtureDesign('primary-replica'));
    const index = qosIndex(plan);
    expect(qosPeers(host(plan, 'pg-primary'), index)).toEqual([expect.objectContaining({ hostId: 'pg-replica', cls: 'bulk' })]);
    const hub = buildPlan(fixtureDesign('hub-and-spoke'));
    const spoke = qosPeers(host(hub, 'app-1'), qosIndex(hub));
    expect(spoke).toEqual([expect.objectContaining({ hostId: 'hub', cls: 'db' })]);
    const lonely = buildPlan({ ...fixtureDesign('point-to-point'), flows: [] });
    expect(qosPeers(host(lonely, 'app-1'), qosIndex(lonely))).toEqual([expect.objectContaining({ cls: 'other' })]);
  });

  it('uses 80 bytes of overhead on an IPv6 underlay and IPv6 filters on their own priorities', () => {
    const plan = buildPlan(fixtureDesign('ipv6-pppoe'));
    const sh = renderQos(host(plan, 'pg-v6'), qosIndex(plan), RATES);
    expect(sh).toContain('stab overhead 94 linklayer ethernet');
    expect(sh).toMatch(/protocol ipv6 prio [34] u32 match ip6 dst /);
    expect(sh).not.toMatch(/protocol ipv6 prio [12] u32 match ip6 dst /);
  });

  it('caps bulk at the shaped rate when it is the whole link', () => {
    expect(qosRates(100, 100).classes.find((c) => c.cls === 'bulk')).toEqual({ cls: 'bulk', rate: 23750, ceil: 95000, prio: 2 });
  });
});

describe('wg-designer-qos.service', () => {
  it('starts with wg-quick@wg0, after it, and stops and restarts with it', () => {
    const unit = renderQosUnit();
    for (const line of ['After=wg-quick@wg0.service', 'PartOf=wg-quick@wg0.service', 'WantedBy=wg-quick@wg0.service',
      'Type=oneshot', 'RemainAfterExit=yes', `ExecStart=${QOS_SCRIPT_PATH} start`, `ExecStop=${QOS_SCRIPT_PATH} stop`]) {
      expect(unit).toContain(line);
    }
  });

  it('is installed and enabled by install.sh only when the bundle has QoS', () => {
    const hp = host(buildPlan(fixtureDesign('point-to-point')), 'app-1');
    const base = { hasSysctl: false, firewall: 'nftables', custody: hp.custody } as const;
    const on = renderInstallScript(hp, { ...base, hasQos: true });
    expect(on).toContain(`"${QOS_SCRIPT_PATH}|qos.sh|755"`);
    expect(on).toContain(`"/etc/systemd/system/${QOS_UNIT}|${QOS_UNIT}|644"`);
    expect(on).toMatch(new RegExp(`systemctl enable -q .*${QOS_UNIT}`));
    expect(on).toContain(`systemctl restart ${QOS_UNIT}; else ${QOS_SCRIPT_PATH} start; fi \\\n  || echo "install.sh: QoS is not applied`);
    expect(renderInstallScript(hp, { ...base, hasQos: false })).not.toContain('qos');
  });
});
