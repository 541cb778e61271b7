import { renderAlertRules, renderPrometheusConfig } from '../../render/monitoring';
import type { BundleFile } from '../bundle-file';
import type { Output } from './output';

/** monitoring/: Prometheus scrape config and alert rules, when the design names a monitoring host. */
export const monitoring: Output = {
  id: 'monitoring',
  network: ({ plan }) => {
    const files: BundleFile[] = [];
    const prometheus = renderPrometheusConfig(plan);
    const alerts = renderAlertRules(plan);
    if (prometheus) files.push({ path: 'monitoring/prometheus.yml', content: prometheus, mode: 0o644 });
    if (alerts) files.push({ path: 'monitoring/alerts.yml', content: alerts, mode: 0o644 });
    return files;
  },
};
