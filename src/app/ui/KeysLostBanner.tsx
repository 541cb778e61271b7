import { plural } from '../../engine';
import { orphanedHostIds } from '../store/orphaned-host-ids';
import { useApp, useAppStoreApi } from '../store/store-context';

/**
 * After a reload that dropped private keys ("Remember private keys" off): how many hosts lost them, and the two ways
 * out. It sits above the canvas, where the toasts (bottom right) never cover it, and hides itself once no host is
 * left without its key, however that was fixed (here, the findings panel, the inspector).
 */
export function KeysLostBanner() {
  const store = useAppStoreApi();
  const count = useApp((s) => (s.keysLost ? orphanedHostIds(s.history.present).length : 0));
  if (count === 0) return null;
  const hosts = plural(count, 'host');
  const act = (how: 'generate' | 'keep') => {
    const s = store.getState();
    const ids = orphanedHostIds(s.history.present);
    if (how === 'generate') s.regenerateKeys(ids);
    else s.keepOwnKeys(ids);
    s.setKeysLost(false);
  };
  return (
    <div className="notice notice--warning keys-lost" role="status" data-testid="keys-lost-banner">
      <div className="notice__text">
        <b>{hosts} lost {count === 1 ? 'its private key' : 'their private keys'} on reload</b> ("Remember private keys" is
        off). A bundle exported now would name keys nobody holds: generate new ones (every peer then needs the new
        bundle), or keep the ones the deployed hosts already hold.
      </div>
      <div className="keys-lost__actions">
        <button type="button" className="btn btn--small btn--primary" data-testid="keys-lost-generate" onClick={() => act('generate')}>
          Generate keys for all hosts
        </button>
        <button type="button" className="btn btn--small" data-testid="keys-lost-keep" onClick={() => act('keep')}>
          These hosts keep their own keys
        </button>
      </div>
      <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => store.getState().setKeysLost(false)}>✕</button>
    </div>
  );
}
