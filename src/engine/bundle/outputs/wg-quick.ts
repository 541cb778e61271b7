import { WG_INTERFACE } from '../../plan/types';
import { renderWgQuick } from '../../render/wg-quick';
import type { Output } from './output';

/** `<host>/wg0.conf`: the wg-quick config (mode 600: it holds the private key unless secrets go elsewhere). */
export const wgQuick: Output = {
  id: 'wg-quick',
  host: ({ plan, secrets }) => (hp) => [{
    path: `${hp.id}/${WG_INTERFACE}.conf`,
    content: renderWgQuick(hp, { privateKey: 'include', designName: plan.design.name, secrets }),
    mode: 0o600,
  }],
};
