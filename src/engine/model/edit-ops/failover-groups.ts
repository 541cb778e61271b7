import { addressOf, allocateAddresses, formatPrefix, parsePrefix, tryParsePrefix } from '../../net';
import type { Design, FailoverGroup } from '../design';
import { parseDesign } from '../parse-design';
import type { ParseResult } from '../parse-design';
import { uniqueId } from './unique-id';

/**
 * The design with these failover groups. Groups are checked with the whole design (their hosts must exist, their
 * floating address must be a usable overlay address), so the inspector shows the messages a file would get.
 */
export function editFailover(design: Design, groups: readonly FailoverGroup[]): ParseResult<Design> {
  return parseDesign({ ...design, failover: groups });
}

/**
 * A new group between the first two database hosts, with the lowest free address of the database pool as its
 * floating address (one no host or other group holds), or a reason why none can be made.
 */
export function newFailoverGroup(design: Design): FailoverGroup | { error: string } {
  const dbs = design.hosts.filter((h) => h.role === 'db');
  const [primary, replica] = dbs;
  if (!primary || !replica) return { error: 'a failover group needs two database hosts' };
  const pool = parsePrefix(design.network.pools.db);
  const used = [...design.hosts.flatMap((h) => h.addresses), ...design.failover.map((g) => g.address)]
    .map((a) => tryParsePrefix(a))
    .flatMap((p) => (p ? [addressOf(p)] : []));
  let address: string;
  try {
    const [free] = allocateAddresses(pool, used, 1);
    if (!free) return { error: `the database pool ${design.network.pools.db} is full` };
    address = formatPrefix(free);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const id = uniqueId('failover', new Set(design.failover.map((g) => g.id)), true);
  return { id, address, primary: primary.id, replica: replica.id };
}
