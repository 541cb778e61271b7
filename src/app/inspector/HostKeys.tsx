import type { Host } from '../../engine';
import { custodyOf } from '../../engine';
import { useApp, useAppStoreApi } from '../store/store-context';
import { HostCustodyField } from './KeyCustodyField';
import { publicKeyProblem } from './public-key-check';
import { PublicKeyField } from './PublicKeyField';
import { RegenerateKeys } from './RegenerateKeys';
import { useCommit } from './use-commit';

/** Who holds this host's private key, and its keys: generated here (regenerate), or the host's (paste its public key). */
export function HostKeys({ host }: { host: Host }) {
  const store = useAppStoreApi();
  const pending = useApp((s) => s.pendingKeys.includes(host.id));
  const network = useApp((s) => s.history.present.network);
  const commit = useCommit('hosts', host.id);
  if (host.external) return null;
  const custody = custodyOf(network, host);
  return (
    <section className="inspector__section" data-testid="host-keys">
      <h3 className="section-title">Keys</h3>
      <HostCustodyField value={host.keys} networkDefault={network.keys} commit={(keys) => commit('keys', { keys })} />
      {custody === 'host' ? (
        <PublicKeyField value={host.publicKey ?? ''} commit={(text) => {
          // The private half lives on the host: one left here from bundle custody would not match the new key.
          const problem = publicKeyProblem(store.getState().history.present, host.id, text);
          return problem ?? commit('publicKey', { publicKey: text || null, privateKey: null });
        }} />
      ) : (
        <>
          <div className="kv">
            <span className="kv__k">Public key</span>
            <span className="kv__v mono" data-testid="public-key">{pending ? 'generating…' : host.publicKey ?? 'none'}</span>
            <span className="kv__k">Private key</span>
            <span className="kv__v" data-testid="private-key-status">
              {pending ? 'generating…' : host.privateKey ? 'in this tab (goes only into the exported bundle)'
                : host.publicKey ? 'not here (a share link never holds it, and a reload without "Remember private keys" drops it): regenerate, or set custody to "Kept by the host"' : 'none'}
            </span>
          </div>
          <RegenerateKeys hostIds={[host.id]} label="Regenerate keys" testId="regenerate-host-keys" />
        </>
      )}
    </section>
  );
}
