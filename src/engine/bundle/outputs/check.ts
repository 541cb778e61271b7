import { renderCheckScript } from '../../render/check-script';
import type { Output } from './output';

/** `<host>/check.sh`: the host's own checks of its tunnels and flows after an install. */
export const check: Output = {
  id: 'check',
  host: ({ plan }) => (hp) => [{ path: `${hp.id}/check.sh`, content: renderCheckScript(plan, hp), mode: 0o755 }],
};
