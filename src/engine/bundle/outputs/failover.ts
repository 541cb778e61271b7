import { promotionFiles } from '../../failover/promotion-files';
import type { Output } from './output';

/** `<host>/failover/`: the scripts and files that promote each failover group's replica. */
export const failover: Output = {
  id: 'failover',
  network: ({ plan, options, secrets }) => promotionFiles(plan, options.firewall, secrets),
};
