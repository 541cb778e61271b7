import type { Design } from '../../engine';
import { publicDesign } from '../../engine';

/** JSON with object keys sorted, so two equal designs built along different paths give the same text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}

/** True when two designs say the same, leaving out private and preshared keys (autosave may leave them out). */
export function sameDesign(a: Design, b: Design): boolean {
  return a === b || canonical(publicDesign(a)) === canonical(publicDesign(b));
}

/**
 * Their design with this tab's private and preshared keys put back where the public keys (or tunnel ends) are
 * the same: a design another tab autosaved has no private keys, and taking it must not orphan the ones held here.
 */
export function withOwnKeys(theirs: Design, mine: Design): Design {
  const hosts = new Map(mine.hosts.map((h) => [h.id, h]));
  const tunnels = new Map(mine.tunnels.map((t) => [t.id, t]));
  return {
    ...theirs,
    hosts: theirs.hosts.map((h) => {
      const m = hosts.get(h.id);
      return h.privateKey === null && m?.privateKey && m.publicKey === h.publicKey ? { ...h, privateKey: m.privateKey } : h;
    }),
    tunnels: theirs.tunnels.map((t) => {
      const m = tunnels.get(t.id);
      return t.presharedKey === null && m?.presharedKey && m.a === t.a && m.b === t.b ? { ...t, presharedKey: m.presharedKey } : t;
    }),
  };
}
