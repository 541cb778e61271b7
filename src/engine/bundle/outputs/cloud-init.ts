import { renderCloudInit } from '../../render/cloud-init';
import type { Output } from './output';

/** `<host>/cloud-init/user-data` (`--host-setup cloud-init`): mode 600, it holds the private key in bundle custody. */
export const cloudInit: Output = {
  id: 'cloud-init',
  when: (options) => options.hostSetups.includes('cloud-init'),
  host: ({ plan, options }) => (hp) => [{
    path: `${hp.id}/cloud-init/user-data`,
    content: renderCloudInit(hp, { designName: plan.design.name, firewall: options.firewall }),
    mode: 0o600,
  }],
};
