import { addressOf, freeAddresses, parsePrefix } from '../net';
import type { Address } from '../net';
import { ROLES } from './design';
import type { Design, Role } from './design';
import type { FieldError } from './field-error';

/**
 * Pools too small for the hosts that take their address from them: each host without an address gets one from its
 * role's pool, and one from the IPv6 pool when the network has one. A parsed design then always completes; without
 * this check the allocation threw when the design was exported or opened, far from the field to change.
 */
export function checkPoolRoom(design: Pick<Design, 'hosts' | 'network'>): FieldError[] {
  const needing = design.hosts.filter((h) => h.addresses.length === 0 && !h.external);
  if (needing.length === 0) return [];
  const used: Address[] = [];
  for (const h of design.hosts) {
    for (const a of h.addresses) {
      const p = parsePrefix(a);
      used.push(addressOf(p));
    }
  }
  const errors: FieldError[] = [];
  const check = (name: Role | 'ipv6', pool: string, wanted: number, kind: string) => {
    const free = freeAddresses(parsePrefix(pool), used);
    if (BigInt(wanted) <= free) return;
    const who = wanted === 1 ? `1 ${kind}host without an address needs one` : `${wanted} ${kind}hosts without an address need one each`;
    errors.push({
      path: `network.pools.${name}`,
      message: `${pool} has ${free} free ${free === 1n ? 'address' : 'addresses'}, and ${who} (widen the pool, or give the hosts addresses)`,
    });
  };
  for (const role of ROLES) {
    const wanted = needing.filter((h) => h.role === role).length;
    if (wanted > 0) check(role, design.network.pools[role], wanted, `${role} `);
  }
  const v6 = design.network.pools.ipv6;
  if (v6 !== null) check('ipv6', v6, needing.length, '');
  return errors;
}
