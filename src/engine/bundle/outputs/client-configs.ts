import { renderClientConfig } from '../../render/client-config';
import type { Output } from './output';

/** `external/<host>.conf`: a config to hand out to each external host that dials in (mode 600: it may hold a PSK). */
export const clientConfigs: Output = {
  id: 'client-configs',
  network: ({ plan, secrets }) => plan.hosts.filter((hp) => hp.external && hp.host.dialsIn).map((hp) => ({
    path: `external/${hp.id}.conf`,
    content: renderClientConfig(hp, plan.design.name, secrets),
    mode: 0o600,
  })),
};
