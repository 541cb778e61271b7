import { custodyOf } from '../design';
import type { Design, Host, KeyCustody } from '../design';

/** True when this tab may make the host's keypair: a managed host in bundle custody. */
export function keysMadeHere(design: Design, h: Host): boolean {
  return !h.external && custodyOf(design.network, h) === 'bundle';
}

/**
 * Clears the keys of these hosts (all when omitted) so the worker makes new pairs. Only bundle custody: an
 * external host's key and a host-custody host's key live on the host, and clearing them here would change nothing
 * there but the peers' configs.
 */
export function clearKeys(design: Design, ids?: readonly string[]): Design {
  const wanted = ids ? new Set(ids) : null;
  const clear = (h: Host) => (wanted === null || wanted.has(h.id)) && keysMadeHere(design, h) && (h.publicKey !== null || h.privateKey !== null);
  if (!design.hosts.some(clear)) return design;
  return { ...design, hosts: design.hosts.map((h) => (clear(h) ? { ...h, publicKey: null, privateKey: null } : h)) };
}

/** Sets these hosts' custody, keeping their public keys (the hosts that hold the private halves keep working). */
export function setCustody(design: Design, ids: readonly string[], keys: KeyCustody | null): Design {
  const wanted = new Set(ids);
  if (!design.hosts.some((h) => wanted.has(h.id) && h.keys !== keys)) return design;
  return { ...design, hosts: design.hosts.map((h) => (wanted.has(h.id) && h.keys !== keys ? { ...h, keys } : h)) };
}
