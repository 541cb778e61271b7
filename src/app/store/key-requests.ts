import type { StoreApi } from 'zustand/vanilla';
import type { Design, Host } from '../../engine';
import { keysMadeHere } from '../../engine';
import type { AppStore } from './app-state';
import { mapHistory } from './history';
import type { StoreDeps } from './store-deps';

/** Hosts whose keypair this tab makes (bundle custody) that have none yet. A host-custody host brings its own. */
function keyless(d: Design): Host[] {
  return d.hosts.filter((h) => keysMadeHere(d, h) && h.publicKey === null && h.privateKey === null);
}

/**
 * Keys for what has none, made by the worker: keypairs for new hosts, preshared keys for new tunnels. They arrive
 * after the edit that needed them and are written into every undo step, so undo and redo keep the same keys.
 */
export function keyRequests(set: StoreApi<AppStore>['setState'], get: StoreApi<AppStore>['getState'], deps: StoreDeps, reanalyse: () => void) {
  /** Asks the worker for keypairs for keyless hosts, then writes them into every undo step. */
  const requestKeys = () => {
    const { history, pendingKeys } = get();
    const wanted = keyless(history.present).map((h) => h.id).filter((id) => !pendingKeys.includes(id));
    if (wanted.length === 0) return;
    set({ pendingKeys: [...pendingKeys, ...wanted] });
    deps.keypairs(wanted.length).then(
      (pairs) => {
        const byId = new Map(wanted.map((id, i) => [id, pairs[i]]));
        const fill = (d: Design): Design => {
          if (!d.hosts.some((h) => byId.has(h.id) && h.publicKey === null && h.privateKey === null)) return d;
          return {
            ...d,
            hosts: d.hosts.map((h) => {
              const kp = byId.get(h.id);
              return kp && h.publicKey === null && h.privateKey === null ? { ...h, ...kp } : h;
            }),
          };
        };
        set((s) => {
          const history = mapHistory(s.history, fill);
          return { history, pendingKeys: s.pendingKeys.filter((id) => !byId.has(id)) };
        });
        reanalyse();
      },
      (e: unknown) => {
        set((s) => ({ pendingKeys: s.pendingKeys.filter((id) => !wanted.includes(id)) }));
        get().toast('error', `Key generation failed: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  };

  /** Preshared keys for tunnels that have none, when the network asks for them (post-quantum hardening). */
  const requestPsks = () => {
    const { history, pendingPsks } = get();
    if (!history.present.network.presharedKeys) return;
    const wanted = history.present.tunnels.filter((t) => t.presharedKey === null && !pendingPsks.includes(t.id)).map((t) => t.id);
    if (wanted.length === 0) return;
    set({ pendingPsks: [...pendingPsks, ...wanted] });
    const done = (s: AppStore) => s.pendingPsks.filter((id) => !wanted.includes(id));
    deps.presharedKeys(wanted.length).then(
      (keys) => {
        const byId = new Map(wanted.map((id, i) => [id, keys[i] ?? null]));
        const fill = (d: Design): Design => (!d.network.presharedKeys || !d.tunnels.some((t) => byId.has(t.id) && t.presharedKey === null) ? d : {
          ...d,
          tunnels: d.tunnels.map((t) => (t.presharedKey === null && byId.get(t.id) ? { ...t, presharedKey: byId.get(t.id) ?? null } : t)),
        });
        set((s) => {
          const history = mapHistory(s.history, fill);
          return { history, pendingPsks: done(s) };
        });
        reanalyse();
      },
      (e: unknown) => {
        set((s) => ({ pendingPsks: done(s) }));
        get().toast('error', `Preshared key generation failed: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  };

  return { requestKeys, requestPsks };
}
