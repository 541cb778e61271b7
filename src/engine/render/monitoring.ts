// Tests: monitoring.test.ts, and monitoring-tools.node.test.ts (promtool checks the config and the rules of every
// fixture and runs the rule tests below; the exporter answers a scrape on real WireGuard).
import type { Plan } from '../plan/types';
import { addressText } from './firewall-terms';
import { METRICS_SOCKET } from './metrics-exporter';

/**
 * Seconds without a handshake before a peer that traffic waits for counts as unreachable. A tunnel in use
 * re-handshakes every 2 minutes (REKEY_AFTER_TIME) and cannot go 3 without one (REJECT_AFTER_TIME): 300 s is late.
 */
const STALE_SECONDS = 300;

/**
 * `monitoring/prometheus.yml`: scrape every host's exporter (wg-designer-metrics.socket, which install.sh starts on
 * the host's overlay address) through the tunnel, and load `alerts.yml`. The firewalls already allow the monitoring
 * host, through implied flows. Labels are ids and roles only.
 */
export function renderPrometheusConfig(plan: Plan): string | null {
  const m = plan.design.network.monitoring;
  if (!m) return null;
  const lines = [
    `# Scraped by host ${m.host} through the tunnel: install.sh starts ${METRICS_SOCKET} on port ${m.exporterPort}`,
    '# of every host\'s overlay address. Keep alerts.yml (and alerts.test.yml: `promtool test rules alerts.test.yml`)',
    '# beside this file.',
    'rule_files:',
    '  - alerts.yml',
    'scrape_configs:',
    '  - job_name: wireguard',
    '    scrape_interval: 30s',
    '    static_configs:',
  ];
  for (const hp of plan.hosts) {
    const a = hp.addresses[0];
    if (hp.external || !a) continue;
    const target = a.family === 6 ? `[${addressText({ ...a, len: 128 })}]` : addressText({ ...a, len: 32 });
    lines.push(`      - targets: ['${target}:${m.exporterPort}']`, `        labels: { host: '${hp.id}', role: '${hp.role}' }`);
  }
  return `${lines.join('\n')}\n`;
}

const UNREACHABLE_SUMMARY = `{{ $labels.host }}: peer {{ $labels.peer }} has not completed a handshake for over ${STALE_SECONDS} s while traffic waits for it`;
const UNREACHABLE_DESCRIPTION = 'Packets for the peer are queued and handshakes sent, but none is answered: check the peer\'s wg0, its endpoint and UDP reachability; run check.sh on both hosts.';
const IFACE_SUMMARY = '{{ $labels.host }}: wg0 is down or unreadable';
const IFACE_DESCRIPTION = 'Every tunnel of the host is down: systemctl status wg-quick@wg0, then run install.sh or check.sh.';
const EXPORTER_SUMMARY = '{{ $labels.host }}: the WireGuard exporter does not answer';
const EXPORTER_DESCRIPTION = `Is ${METRICS_SOCKET} listening on the host's overlay address, and is the tunnel from the monitoring host up?`;

/**
 * `monitoring/alerts.yml`, quiet on a healthy network: a peer alerts only while the host is sending to it (data or
 * handshake attempts), its last handshake is stale, and the tunnel is watched (it carries declared flows or
 * keepalive). An idle standby tunnel sends nothing and has no handshake to keep fresh; it never fires.
 */
export function renderAlertRules(plan: Plan): string | null {
  if (!plan.design.network.monitoring) return null;
  return `groups:
  - name: wireguard
    rules:
      - alert: WireGuardPeerUnreachable
        expr: |
          (time() - wireguard_latest_handshake_seconds > ${STALE_SECONDS})
          and on (instance, public_key) (rate(wireguard_sent_bytes_total[5m]) > 0)
          and on (instance, public_key) (wireguard_peer_watched == 1)
        for: 2m
        labels: { severity: critical }
        annotations:
          summary: "${UNREACHABLE_SUMMARY}"
          description: "${UNREACHABLE_DESCRIPTION}"
      - alert: WireGuardInterfaceDown
        expr: wireguard_interface_up == 0
        for: 2m
        labels: { severity: critical }
        annotations:
          summary: "${IFACE_SUMMARY}"
          description: "${IFACE_DESCRIPTION}"
      - alert: WireGuardExporterDown
        expr: up{job="wireguard"} == 0
        for: 5m
        labels: { severity: warning }
        annotations:
          summary: "${EXPORTER_SUMMARY}"
          description: "${EXPORTER_DESCRIPTION}"
`;
}

/** One peer's series for a rule test: handshake times, sent bytes and the watched flag, one value a minute. */
function peerSeries(peer: string, handshake: string, sent: string, watched: 0 | 1): string {
  const labels = `instance="10.10.0.1:9586",host="db-1",interface="wg0",public_key="${peer}-key",peer="${peer}"`;
  return [
    `      - series: 'wireguard_latest_handshake_seconds{${labels}}'`,
    `        values: '${handshake}'`,
    `      - series: 'wireguard_sent_bytes_total{${labels}}'`,
    `        values: '${sent}'`,
    `      - series: 'wireguard_peer_watched{${labels}}'`,
    `        values: '${watched}x40'`,
  ].join('\n');
}

/**
 * `monitoring/alerts.test.yml`: promtool rule tests for the cases that matter: an idle standby tunnel and an idle
 * watched one stay quiet, a busy healthy one too; a dead tunnel that traffic waits for fires, as does a down wg0.
 */
export function renderAlertTests(plan: Plan): string | null {
  if (!plan.design.network.monitoring) return null;
  const quiet = (name: string, series: string) => `  - name: ${name}
    interval: 1m
    input_series:
${series}
    alert_rule_test:
      - eval_time: 40m
        alertname: WireGuardPeerUnreachable
        exp_alerts: []
`;
  return `# promtool test rules alerts.test.yml (beside alerts.yml). Time starts at 0, one sample a minute.
rule_files:
  - alerts.yml
evaluation_interval: 1m
tests:
${quiet('an idle standby tunnel, never used, stays quiet', peerSeries('standby', '0x40', '0x40', 0))}
${quiet('a watched tunnel with nothing to send tonight stays quiet', peerSeries('replica', '600x40', '5000x40', 1))}
${quiet('a busy healthy tunnel stays quiet', peerSeries('app', '60+60x40', '0+9000x40', 1))}
  - name: a dead tunnel that traffic waits for fires
    interval: 1m
    input_series:
${peerSeries('primary', '600x40', '0+148x40', 1)}
    alert_rule_test:
      - eval_time: 40m
        alertname: WireGuardPeerUnreachable
        exp_alerts:
          - exp_labels: { severity: critical, instance: "10.10.0.1:9586", host: db-1, interface: wg0, public_key: primary-key, peer: primary }
            exp_annotations:
              summary: "db-1: peer primary has not completed a handshake for over ${STALE_SECONDS} s while traffic waits for it"
              description: "${UNREACHABLE_DESCRIPTION}"
  - name: a down wg0 fires
    interval: 1m
    input_series:
      - series: 'wireguard_interface_up{instance="10.10.0.1:9586",host="db-1",interface="wg0"}'
        values: '1x10 0x10'
    alert_rule_test:
      - eval_time: 5m
        alertname: WireGuardInterfaceDown
        exp_alerts: []
      - eval_time: 20m
        alertname: WireGuardInterfaceDown
        exp_alerts:
          - exp_labels: { severity: critical, instance: "10.10.0.1:9586", host: db-1, interface: wg0 }
            exp_annotations:
              summary: "db-1: wg0 is down or unreadable"
              description: "${IFACE_DESCRIPTION}"
`;
}
