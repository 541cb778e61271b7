import type { Tunnel } from '../../engine';
import { plural } from '../../engine';
import { selectPlan } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { SelectField, TextField, parseOptionalInt } from './fields';
import { TunnelAllowedIPs } from './TunnelAllowedIPs';
import { useCommit } from './use-commit';

/** The selected tunnel: keepalive, and what the plan made of it (MTU, AllowedIPs each way with their reasons, pinnable). */
export function TunnelInspector({ tunnel }: { tunnel: Tunnel }) {
  const store = useAppStoreApi();
  const plan = useApp(selectPlan);
  const commit = useCommit('tunnels', tunnel.id);
  const tp = plan?.tunnels.find((t) => t.tunnel.id === tunnel.id);
  const peerOf = (hostId: string, peer: string) => plan?.byId.get(hostId)?.peers.find((p) => p.hostId === peer);
  const ab = peerOf(tunnel.a, tunnel.b);
  const ba = peerOf(tunnel.b, tunnel.a);
  const mode = tunnel.keepalive === null ? 'auto' : tunnel.keepalive === 0 ? 'off' : 'fixed';
  return (
    <div className="inspector__body" data-testid="tunnel-inspector">
      <header className="inspector__head">
        <div>
          <div className="inspector__title">Tunnel {tunnel.id}</div>
          <div className="inspector__sub mono">{tunnel.a} ↔ {tunnel.b}</div>
        </div>
      </header>
      <section className="inspector__section">
        <SelectField label="Keepalive" value={mode} testId="field-keepalive-mode"
          options={[{ value: 'auto', label: 'automatic (25 s from a side nobody can dial)' }, { value: 'off', label: 'off' }, { value: 'fixed', label: 'fixed interval' }]}
          commit={(m) => commit('keepalive', { keepalive: m === 'auto' ? null : m === 'off' ? 0 : 25 })} />
        {mode === 'fixed' && (
          <TextField label="Keepalive seconds" mono value={String(tunnel.keepalive)} testId="field-keepalive"
            commit={(t) => {
              const n = parseOptionalInt(t);
              return n === 'bad' || n === null ? 'must be a whole number of seconds' : commit('keepalive', { keepalive: n });
            }} />
        )}
        <div className="kv">
          <span className="kv__k">Safe MTU</span><span className="kv__v mono">{tp ? `${tp.safeMtu} (underlay ${tp.underlayMtu} − ${tp.overhead})` : '?'}</span>
          <span className="kv__k">Preshared key</span><span className="kv__v">{tunnel.presharedKey ? 'set (in this tab, never in a link or the autosave)' : 'none yet'}</span>
          <span className="kv__k">{tunnel.a} sends</span><span className="kv__v mono">{plural(ab?.allowedIPs.length ?? 0, 'prefix')}, keepalive {ab?.keepalive ?? 'off'}</span>
          <span className="kv__k">{tunnel.b} sends</span><span className="kv__v mono">{plural(ba?.allowedIPs.length ?? 0, 'prefix')}, keepalive {ba?.keepalive ?? 'off'}</span>
        </div>
      </section>
      <TunnelAllowedIPs tunnel={tunnel} />
      <section className="inspector__section">
        <button type="button" className="btn btn--small btn--danger" onClick={() => store.getState().removeSelection()}>Delete tunnel</button>
      </section>
    </div>
  );
}
