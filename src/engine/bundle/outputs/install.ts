import { renderInstallScript } from '../../render/install-script';
import { renderSysctl } from '../../render/sysctl';
import { hasMetricsExporter } from '../../render/metrics-exporter';
import { databaseUnit } from '../../render/database-access';
import type { Output } from './output';

/** `<host>/install.sh`: installs the host's files as one transaction that fails closed. */
export const install: Output = {
  id: 'install',
  host: ({ plan, options, secrets }) => (hp) => [{
    path: `${hp.id}/install.sh`,
    content: renderInstallScript(hp, {
      hasSysctl: renderSysctl(hp) !== null,
      firewall: options.firewall,
      hasQos: options.qos !== null,
      custody: hp.custody,
      secrets: secrets === 'external' ? options.secrets : undefined,
      metrics: hasMetricsExporter(plan, hp),
      databaseUnit: databaseUnit(hp),
      failover: plan.design.failover,
    }),
    mode: 0o755,
  }],
};
