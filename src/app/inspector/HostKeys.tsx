import type { Host } from '../../engine';
import { useApp, useAppStoreApi } from '../store/store-context';

/** Where this host's keys stand: public key, whether the private key is in this tab, regenerate. */
export function HostKeys({ host }: { host: Host }) {
  const store = useAppStoreApi();
  const pending = useApp((s) => s.pendingKeys.includes(host.id));
  if (host.external) return null;
  return (
    <section className="inspector__section">
      <h3 className="section-title">Keys</h3>
      <div className="kv">
        <span className="kv__k">Public key</span>
        <span className="kv__v mono" data-testid="public-key">{pending ? 'generating…' : host.publicKey ?? 'none'}</span>
        <span className="kv__k">Private key</span>
        <span className="kv__v" data-testid="private-key-status">
          {pending ? 'generating…' : host.privateKey ? 'in this tab (goes only into the exported bundle)'
            : host.publicKey ? 'not here: the host keeps its own, or generate new keys' : 'none'}
        </span>
      </div>
      <button type="button" className="btn btn--small" onClick={() => store.getState().regenerateKeys([host.id])}
        title="Make a new keypair for this host: its peers need the new public key (export again)">
        Regenerate keys
      </button>
    </section>
  );
}
