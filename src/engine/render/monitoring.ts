import type { Plan } from '../plan/types';
import { addressText } from './firewall-terms';

/** Seconds without a handshake before the alert fires: WireGuard re-handshakes every 2 minutes on a live tunnel. */
const STALE_SECONDS = 300;

/**
 * `monitoring/prometheus.yml`: scrape a WireGuard exporter (prometheus_wireguard_exporter) on every host's overlay
 * address; the firewalls already allow the monitoring host, through implied flows. Labels are ids and roles only.
 */
export function renderPrometheusConfig(plan: Plan): string | null {
  const m = plan.design.network.monitoring;
  if (!m) return null;
  const lines = [
    `# Scraped by host ${m.host} through the tunnel. Run prometheus_wireguard_exporter on port ${m.exporterPort} of every host.`,
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

/** `monitoring/alerts.yml`: a stale handshake, and a tunnel that carries no traffic. */
export function renderAlertRules(plan: Plan): string | null {
  if (!plan.design.network.monitoring) return null;
  return `groups:
  - name: wireguard
    rules:
      - alert: WireGuardHandshakeStale
        expr: time() - wireguard_latest_handshake_seconds > ${STALE_SECONDS}
        for: 5m
        labels: { severity: critical }
        annotations:
          summary: "{{ $labels.host }}: no handshake with peer {{ $labels.public_key }} for over ${STALE_SECONDS} s"
          description: "Check the peer's endpoint and UDP reachability; run check.sh on both hosts."
      - alert: WireGuardNoTraffic
        expr: rate(wireguard_received_bytes_total[15m]) == 0
        for: 15m
        labels: { severity: warning }
        annotations:
          summary: "{{ $labels.host }}: nothing received from peer {{ $labels.public_key }} for 15 minutes"
          description: "A database tunnel that carries no traffic is usually down or idle by mistake; check keepalive and NAT."
      - alert: WireGuardExporterDown
        expr: up{job="wireguard"} == 0
        for: 5m
        labels: { severity: warning }
        annotations:
          summary: "{{ $labels.host }}: the WireGuard exporter does not answer"
          description: "Is the exporter running and does the firewall on the host accept the monitoring flow?"
`;
}
