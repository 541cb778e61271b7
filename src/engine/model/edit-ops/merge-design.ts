import type { Design, Position } from '../design';
import { formatFieldError, parseDesign } from '../parse-design';
import { renameHost } from './edit-design';
import { uniqueId } from './unique-id';

/** Room left between the current design and the imported hosts on the canvas, in canvas pixels. */
const GAP = 320;

/** `base`, else `base-2`, `base-3`...: the first one not taken, which is then taken. */
function freeId(base: string, taken: Set<string>): string {
  const id = uniqueId(base, taken);
  taken.add(id);
  return id;
}

const xs = (d: Design) => d.hosts.map((h) => h.position.x);
const ys = (d: Design) => d.hosts.map((h) => h.position.y);

/**
 * Adds an imported design to the current one as new hosts, tunnels and flows: ids that are taken get a suffix
 * (`db` -> `db-2`, references follow), the imported hosts are placed to the right of the current ones (or moved by
 * `offset`, as a paste is), and the current design's name and network settings stay. Checked with the design schema
 * like any edit. An import that holds a host already here (the same public key) or cannot live beside this design
 * returns why instead.
 */
export function mergeDesign(current: Design, incoming: Design, offset?: Position): { design: Design } | { error: string } {
  if (incoming.hosts.length === 0) return { error: 'the import has no hosts' };
  // A public key names one WireGuard interface: an imported host that has one of ours is that host again.
  const keys = new Map(current.hosts.filter((h) => h.publicKey !== null).map((h) => [h.publicKey, h.id]));
  const again = incoming.hosts.filter((h) => h.publicKey !== null && keys.has(h.publicKey));
  if (again.length > 0) {
    const names = again.slice(0, 3).map((h) => `${h.id} (the key of ${keys.get(h.publicKey) ?? '?'})`).join(', ');
    return { error: `${again.length === 1 ? 'a host of the import is' : `${again.length} hosts of the import are`} already in this design with the same public key: ${names}` };
  }
  const hostIds = new Set(current.hosts.map((h) => h.id));
  let added = incoming;
  // Every incoming id is reserved first, so a suffixed id never lands on one the import itself uses.
  const incomingIds = new Set(incoming.hosts.map((h) => h.id));
  const taken = new Set([...hostIds, ...incomingIds]);
  for (const h of incoming.hosts) if (hostIds.has(h.id)) added = renameHost(added, h.id, freeId(h.id, taken));
  const tunnelIds = new Set(current.tunnels.map((t) => t.id));
  const flowIds = new Set(current.flows.map((f) => f.id));
  const groupIds = new Set(current.failover.map((g) => g.id));
  const dx = offset?.x ?? ((current.hosts.length > 0 ? Math.max(...xs(current)) + GAP : 0) - Math.min(...xs(added)));
  const dy = offset?.y ?? ((current.hosts.length > 0 ? Math.min(...ys(current)) : 0) - Math.min(...ys(added)));
  const r = parseDesign({
    ...current,
    hosts: [...current.hosts, ...added.hosts.map((h) => ({ ...h, position: { x: h.position.x + dx, y: h.position.y + dy } }))],
    tunnels: [...current.tunnels, ...added.tunnels.map((t) => ({ ...t, id: freeId(t.id, tunnelIds) }))],
    flows: [...current.flows, ...added.flows.map((f) => ({ ...f, id: freeId(f.id, flowIds) }))],
    failover: [...current.failover, ...added.failover.map((g) => ({ ...g, id: freeId(g.id, groupIds) }))],
  });
  if (!r.ok) return { error: r.errors.slice(0, 3).map(formatFieldError).join('; ') };
  return { design: r.value };
}
