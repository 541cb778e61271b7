import { WG_INTERFACE } from '../../plan/types';
import { renderNetdev, renderNetwork } from '../../render/networkd';
import { renderNetworkdInstall } from '../../render/networkd-install';
import type { Output } from './output';

/**
 * `<host>/networkd/`: wg0 for systemd-networkd (`--host-setup networkd`). The .netdev holds preshared keys, so it
 * is 0600 in the bundle (installed root:systemd-network 0640); the private key stays in wg0.conf and the key file.
 */
export const networkd: Output = {
  id: 'networkd',
  when: (options) => options.hostSetups.includes('networkd'),
  host: ({ plan, options }) => (hp) => [
    { path: `${hp.id}/networkd/${WG_INTERFACE}.netdev`, content: renderNetdev(hp, plan.design.name), mode: 0o600 },
    { path: `${hp.id}/networkd/${WG_INTERFACE}.network`, content: renderNetwork(hp, plan.design.name), mode: 0o644 },
    { path: `${hp.id}/networkd/install-networkd.sh`, content: renderNetworkdInstall(hp, options.firewall), mode: 0o755 },
  ],
};
