import { custodyOf } from '../../model/design';
import { renderInstallScript } from '../../render/install-script';
import { renderSysctl } from '../../render/sysctl';
import type { Output } from './output';

/** `<host>/install.sh`: installs the host's files as one transaction that fails closed. */
export const install: Output = {
  id: 'install',
  host: ({ plan, options, secrets }) => (hp) => [{
    path: `${hp.host.id}/install.sh`,
    content: renderInstallScript(hp, {
      hasSysctl: renderSysctl(hp) !== null,
      firewall: options.firewall,
      hasQos: options.qos !== null,
      custody: custodyOf(plan.design.network, hp.host),
      secrets: secrets === 'external' ? options.secrets : undefined,
    }),
    mode: 0o755,
  }],
};
