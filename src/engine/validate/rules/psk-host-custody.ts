import { hostCustodyTunnels } from '../../model/host-custody';
import type { Rule } from '../rule';
import { listText } from '../text';

/**
 * Tunnels that go without a preshared key, though the network asks for them, because an end keeps its own private
 * key. A PSK is one secret both ends hold: wg-designer would have to make it and ship it in that host's bundle, the
 * very path host custody keeps secrets off. Export leaves such keys out (psk-missing does not report these tunnels).
 */
export const pskHostCustody: Rule = {
  id: 'psk-host-custody',
  codes: ['psk-host-custody'],
  run({ design }) {
    if (!design.network.presharedKeys) return [];
    const tunnels = hostCustodyTunnels(design);
    if (tunnels.length === 0) return [];
    const byId = new Map(design.tunnels.map((t) => [t.id, t]));
    const hosts = [...new Set(tunnels.flatMap((id) => { const t = byId.get(id); return t ? [t.a, t.b] : []; }))];
    return [{
      code: 'psk-host-custody',
      severity: 'info',
      message: `${tunnels.length === 1 ? 'Tunnel' : 'Tunnels'} ${listText(tunnels)} ${tunnels.length === 1 ? 'has' : 'have'} no preshared key, though the network asks for them: `
        + 'an end keeps its own private key ("keys": "host"), and a preshared key would have to travel to it in the bundle. '
        + 'They rely on Curve25519 alone.',
      subjects: { hosts, tunnels },
    }];
  },
};
