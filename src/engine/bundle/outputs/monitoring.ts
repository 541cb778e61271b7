import { METRICS_SERVICE_FILE, METRICS_SOCKET, hasMetricsExporter, renderMetricsScript, renderMetricsService, renderMetricsSocket } from '../../render/metrics-exporter';
import { renderAlertRules, renderAlertTests, renderPrometheusConfig } from '../../render/monitoring';
import type { BundleFile } from '../bundle-file';
import type { Output } from './output';

/**
 * monitoring/: the Prometheus scrape config, alert rules and their promtool tests, when the design names a
 * monitoring host; and on every managed host the exporter that install.sh starts (a script and two systemd units).
 */
export const monitoring: Output = {
  id: 'monitoring',
  network: ({ plan }) => {
    const files: BundleFile[] = [];
    const prometheus = renderPrometheusConfig(plan);
    const alerts = renderAlertRules(plan);
    const tests = renderAlertTests(plan);
    if (prometheus) files.push({ path: 'monitoring/prometheus.yml', content: prometheus, mode: 0o644 });
    if (alerts) files.push({ path: 'monitoring/alerts.yml', content: alerts, mode: 0o644 });
    if (tests) files.push({ path: 'monitoring/alerts.test.yml', content: tests, mode: 0o644 });
    return files;
  },
  host: ({ plan }) => {
    const port = plan.design.network.monitoring?.exporterPort ?? 0;
    return (hp) => (hasMetricsExporter(plan, hp) ? [
      { path: `${hp.id}/wg-metrics.sh`, content: renderMetricsScript(plan, hp), mode: 0o755 },
      { path: `${hp.id}/${METRICS_SOCKET}`, content: renderMetricsSocket(hp, port), mode: 0o644 },
      { path: `${hp.id}/${METRICS_SERVICE_FILE}`, content: renderMetricsService(), mode: 0o644 },
    ] : []);
  },
};
