import { renderNextKeyScript } from '../../render/next-key-script';
import type { Output } from './output';

/** `<host>/next-key.sh`: a host that keeps its own key makes its next one itself, for a rotation. */
export const nextKey: Output = {
  id: 'next-key',
  host: () => (hp) => (hp.custody === 'host'
    ? [{ path: `${hp.id}/next-key.sh`, content: renderNextKeyScript(hp.id), mode: 0o755 }]
    : []),
};
