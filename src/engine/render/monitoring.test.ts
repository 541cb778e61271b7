import { describe, expect, it } from 'vitest';
import { completeDesign } from '../complete/complete-design';
import { seededRandom } from '../keys';
import { parseDesign } from '../model/parse-design';
import type { Design } from '../model/design';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { renderMetricsScript, renderMetricsSocket, watchedPeers } from './metrics-exporter';
import { renderAlertRules, renderAlertTests, renderPrometheusConfig } from './monitoring';

/** app-1 talks to pg-primary; pg-standby has a tunnel from app-1 that nothing uses yet (a standby). */
function design(standbyKeepalive: number | null, monitoring: string | null): Design {
  const r = parseDesign({
    format: 'wg-designer/1',
    network: { monitoring: monitoring ? { host: monitoring } : null },
    hosts: [
      { id: 'app-1', role: 'app', endpoint: '198.51.100.21:51820' },
      { id: 'pg-primary', role: 'db', endpoint: '203.0.113.10:51820' },
      { id: 'pg-standby', role: 'db', endpoint: '203.0.113.11:51820', addresses: ['fd00:db8::5/128'] },
    ],
    tunnels: [
      { id: 't-1', a: 'app-1', b: 'pg-primary' },
      { id: 't-2', a: 'app-1', b: 'pg-standby', keepalive: standbyKeepalive },
    ],
    flows: [{ id: 'f-1', from: 'app-1', to: 'pg-primary', port: 5432 }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return completeDesign(r.value, { random: seededRandom(3), keys: true }).design;
}
const host = (d: Design, id: string) => buildPlan(d).byId.get(id) as HostPlan;

describe('watched peers: alerts apply where a tunnel carries flows or keepalive', () => {
  it('a tunnel with a declared flow is watched from both ends; an idle standby is not', () => {
    const d = design(null, null);
    const plan = buildPlan(d);
    expect([...watchedPeers(plan, plan.byId.get('app-1')!)]).toEqual(['pg-primary']);
    expect([...watchedPeers(plan, plan.byId.get('pg-primary')!)]).toEqual(['app-1']);
    expect([...watchedPeers(plan, plan.byId.get('pg-standby')!)]).toEqual([]);
  });

  it('keepalive makes the standby watched; so does a monitoring scrape through it', () => {
    const kept = buildPlan(design(25, null));
    expect(watchedPeers(kept, kept.byId.get('app-1')!).has('pg-standby')).toBe(true);
    const scraped = buildPlan(design(null, 'app-1'));
    expect(watchedPeers(scraped, scraped.byId.get('pg-standby')!).has('app-1')).toBe(true);
  });

  it('the exporter script names each peer by its host id with its watched flag', () => {
    const d = design(null, null);
    const plan = buildPlan(d);
    const script = renderMetricsScript(plan, plan.byId.get('app-1')!);
    const key = (id: string) => d.hosts.find((h) => h.id === id)!.publicKey;
    expect(script).toContain(`'${key('pg-primary')}') peer=pg-primary watched=1 ;;`);
    expect(script).toContain(`'${key('pg-standby')}') peer=pg-standby watched=0 ;;`);
  });
});

describe('monitoring files', () => {
  it('the socket listens on the host\'s overlay address only, IPv6 in brackets', () => {
    const d = design(null, 'app-1');
    expect(renderMetricsSocket(host(d, 'pg-standby'), 9586)).toContain('ListenStream=[fd00:db8::5]:9586\n');
    expect(renderMetricsSocket(host(d, 'app-1'), 9100)).toMatch(/\nListenStream=10\.10\.1\.\d+:9100\n/);
  });

  it('prometheus.yml loads the alert rules and scrapes every host; nothing without a monitoring host', () => {
    const plan = buildPlan(design(null, 'app-1'));
    const config = renderPrometheusConfig(plan)!;
    expect(config).toContain('rule_files:\n  - alerts.yml\n');
    expect(config.match(/- targets:/g)).toHaveLength(3);
    const none = buildPlan(design(null, null));
    expect([renderPrometheusConfig(none), renderAlertRules(none), renderAlertTests(none)]).toEqual([null, null, null]);
  });

  it('no alert fires on a stale handshake alone: only while traffic waits and the tunnel is watched', () => {
    const rules = renderAlertRules(buildPlan(design(null, 'app-1')))!;
    expect(rules).not.toContain('WireGuardNoTraffic');
    expect(rules).toMatch(/time\(\) - wireguard_latest_handshake_seconds > 300\)\n\s+and on \(instance, public_key\) \(rate\(wireguard_sent_bytes_total\[5m\]\) > 0\)\n\s+and on \(instance, public_key\) \(wireguard_peer_watched == 1\)/);
  });
});
