import { prefixLast, tryParsePrefix } from '../net';
import type { Prefix } from '../net';
import { ROLES } from './design';
import type { Design } from './design';
import type { FieldError } from './field-error';

/**
 * Host addresses that parse but cannot work, checked across fields: the same address twice on one host (wg-quick
 * runs `ip address add` for each and stops at the second, leaving wg0 half up), and an IPv4 address that is the
 * broadcast address of the pool holding it (hosts on that subnet treat it as everyone, not as this host).
 * `only`: the index of the one host to check (an edit of that host), else every host.
 */
export function checkAddressUse(design: Pick<Design, 'hosts' | 'network'>, only: number | null = null): FieldError[] {
  const errors: FieldError[] = [];
  const pools = ROLES.map((r) => ({ name: r, text: design.network.pools[r], prefix: tryParsePrefix(design.network.pools[r]) }))
    .filter((p): p is { name: typeof p.name; text: string; prefix: Prefix } => p.prefix !== null && p.prefix.family === 4 && p.prefix.len < 31);
  design.hosts.forEach((h, i) => {
    if (only !== null && i !== only) return;
    const seen = new Map<string, number>();
    h.addresses.forEach((text, j) => {
      const p = tryParsePrefix(text);
      if (p === null) return;
      const at = `hosts[${i}] (${h.id}).addresses[${j}]`;
      const key = `${p.family}/${p.addr}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ path: at, message: `${text} is already addresses[${first}] of this host; wg-quick up stops at the second "ip address add"` });
      } else seen.set(key, j);
      if (p.family !== 4) return;
      const pool = pools.find((q) => prefixLast(q.prefix) === p.addr);
      if (pool) errors.push({ path: at, message: `${text} is the broadcast address of the ${pool.name} pool ${pool.text}; use another address of the pool` });
    });
  });
  return errors;
}
