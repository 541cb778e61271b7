import { renderCollectScript } from '../../render/collect-script';
import type { Output } from './output';

/** `<host>/collect.sh`: gathers the host's live WireGuard, routes and firewall (no secrets) for `wg-designer drift`. */
export const collect: Output = {
  id: 'collect',
  host: ({ options }) => (hp) => [{ path: `${hp.id}/collect.sh`, content: renderCollectScript(hp, options.firewall), mode: 0o755 }],
};
