import { custodyOf } from '../../model/design';
import { renderNextKeyScript } from '../../render/next-key-script';
import type { Output } from './output';

/** `<host>/next-key.sh`: a host that keeps its own key makes its next one itself, for a rotation. */
export const nextKey: Output = {
  id: 'next-key',
  host: ({ plan }) => (hp) => (custodyOf(plan.design.network, hp.host) === 'host'
    ? [{ path: `${hp.host.id}/next-key.sh`, content: renderNextKeyScript(hp.host.id), mode: 0o755 }]
    : []),
};
