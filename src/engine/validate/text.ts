import { addressOf, formatAddress, formatPrefix, networkOf } from '../net';
import type { Prefix } from '../net';
import { OVERHEAD_IPV4 } from '../plan/mtu';

/** A prefix as its network: `10.20.0.0/24`. */
export function net(p: Prefix): string {
  return formatPrefix(networkOf(p));
}

/** The address part alone: `10.10.0.1`. */
export function addr(p: Prefix): string {
  return formatAddress(addressOf(p));
}

export { listText } from '../text/list-text';

/** Where the encapsulation bytes go, as the WireGuard fact behind every MTU number. */
export function overheadText(overhead: number): string {
  return overhead === OVERHEAD_IPV4
    ? `${overhead} bytes of IPv4 encapsulation (20 IP + 8 UDP + 32 WireGuard)`
    : `${overhead} bytes of IPv6 encapsulation (40 IP + 8 UDP + 32 WireGuard; an unknown underlay counts as IPv6)`;
}
