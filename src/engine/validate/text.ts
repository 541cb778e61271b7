import { formatAddress, formatPrefix, networkOf } from '../net';
import type { Prefix } from '../net';
import { OVERHEAD_IPV4 } from '../plan/mtu';

/** A prefix as its network: `10.20.0.0/24`. */
export function net(p: Prefix): string {
  return formatPrefix(networkOf(p));
}

/** The address part alone: `10.10.0.1`. */
export function addr(p: Prefix): string {
  return formatAddress({ family: p.family, value: p.addr });
}

/** `a, b and c`, or `a, b, c and 7 more` past `max` items. */
export function listText(items: readonly string[], max = 4): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length > max) return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Where the encapsulation bytes go, as the WireGuard fact behind every MTU number. */
export function overheadText(overhead: number): string {
  return overhead === OVERHEAD_IPV4
    ? `${overhead} bytes of IPv4 encapsulation (20 IP + 8 UDP + 32 WireGuard)`
    : `${overhead} bytes of IPv6 encapsulation (40 IP + 8 UDP + 32 WireGuard; an unknown underlay counts as IPv6)`;
}
