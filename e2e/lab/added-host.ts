import type { Design } from '../../src/engine';
import type { HostUnderlay, UnderlayPlan } from '../../src/cli/prove/underlay-plan';
import { familyOf } from '../../src/cli/prove/underlay-plan';

/** The id of the host the day-2 check adds. */
export const ADDED_HOST = 'app-added';

/** A design file with one more app host, and what that host is for. */
export interface Addition {
  /** The user's design file with the host inserted first, its tunnel and its flow. */
  json: Record<string, unknown>;
  db: string;
  /** The host it tunnels to: a gateway that routes to the database, or the database itself. */
  via: string;
}

/**
 * Adds an app host the way a user edits a design file: inserted FIRST in `hosts` (so a design whose addresses
 * depended on host order would renumber every host), tunnelled to a gateway that already reaches a database, or
 * else to a database that can be dialled, with one client flow to that database. Null when the design has
 * neither (nothing the new host could dial).
 */
export function addAppHost(file: Record<string, unknown>, design: Design): Addition | null {
  const byId = new Map(design.hosts.map((h) => [h.id, h]));
  const peersOf = (id: string) => design.tunnels.flatMap((t) => (t.a === id ? [t.b] : t.b === id ? [t.a] : []));
  for (const db of design.hosts) {
    if (db.role !== 'db' || db.database === null || db.external) continue;
    const gateway = peersOf(db.id).map((id) => byId.get(id)).find((h) => h?.role === 'gateway' && h.endpoint !== null);
    const via = gateway ?? (db.endpoint !== null ? db : undefined);
    if (!via) continue;
    const host = {
      id: ADDED_HOST, name: 'Added API', role: 'app',
      underlay: { mtu: via.underlay?.mtu ?? 1500, family: familyOf(via) === 6 ? 'ipv6' : 'ipv4' },
    };
    const list = <T>(key: string): T[] => (Array.isArray(file[key]) ? (file[key] as T[]) : []);
    return {
      json: {
        ...file,
        hosts: [host, ...list('hosts')],
        tunnels: [...list('tunnels'), { id: `t-${ADDED_HOST}`, a: ADDED_HOST, b: via.id }],
        flows: [...list('flows'), { id: `f-${ADDED_HOST}`, from: ADDED_HOST, to: db.id, port: db.database.port }],
      },
      db: db.id,
      via: via.id,
    };
  }
  return null;
}

/**
 * The added host's place on the running underlay: as the new design's plan puts it, but on a spare address no
 * host of the running plan holds (spare addresses go by host order, and the new host came first).
 */
export function addedUnderlay(running: UnderlayPlan, next: UnderlayPlan, id: string): HostUnderlay {
  const planned = next.hosts.find((u) => u.hostId === id);
  if (!planned) throw new Error(`the new design's underlay has no ${id}`);
  const taken = new Set(running.hosts.flatMap((u) => [u.address, u.publicAddress]));
  for (let n = 250; n > 200; n--) {
    const address = planned.family === 4 ? `198.51.100.${n}` : `2001:db8:ffff::${n.toString(16)}`;
    if (!taken.has(address)) return { ...planned, address, publicAddress: address, nat: null };
  }
  throw new Error('no spare underlay address left for the added host');
}
