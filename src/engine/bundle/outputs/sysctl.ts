import { renderSysctl } from '../../render/sysctl';
import type { Output } from './output';

/** `<host>/sysctl.conf`: forwarding and the like, for hosts that need any. */
export const sysctl: Output = {
  id: 'sysctl',
  host: () => (hp) => {
    const content = renderSysctl(hp);
    return content === null ? [] : [{ path: `${hp.id}/sysctl.conf`, content, mode: 0o644 }];
  },
};
