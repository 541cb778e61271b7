import { renderIptables } from '../../render/iptables';
import { renderNftables } from '../../render/nftables';
import type { Output } from './output';

/** `<host>/firewall.nft`, or `firewall.iptables` and `firewall.ip6tables`: the host's least-privilege rules. */
export const firewall: Output = {
  id: 'firewall',
  host: ({ options }) => (hp) => (options.firewall === 'nftables'
    ? [{ path: `${hp.id}/firewall.nft`, content: renderNftables(hp), mode: 0o644 }]
    : [
      { path: `${hp.id}/firewall.iptables`, content: renderIptables(hp, 4), mode: 0o644 },
      { path: `${hp.id}/firewall.ip6tables`, content: renderIptables(hp, 6), mode: 0o644 },
    ]),
};
