import type { Design } from '../../engine';
import { designCounts } from '../../engine';
import { useApp, useAppStoreApi } from '../store/store-context';
import { FailoverGroups } from './FailoverGroups';
import { CheckField, TextField, parseOptionalInt } from './fields';
import { MonitoringField } from './MonitoringField';
import { NetworkCustodyField } from './KeyCustodyField';
import { RegenerateKeys } from './RegenerateKeys';
import { useCommit } from './use-commit';

const POOLS = [['db', 'Database pool'], ['app', 'App pool'], ['gateway', 'Gateway pool'], ['client', 'Client pool']] as const;

/** With nothing selected: the design's name, address pools, ports, monitoring, failover groups, and this device's key setting. */
export function DesignInspector({ design }: { design: Design }) {
  const store = useAppStoreApi();
  const rememberKeys = useApp((s) => s.rememberKeys);
  const commit = useCommit('network', '');
  const n = design.network;
  const port = (field: 'listenPort' | 'managementPort', t: string) => {
    const v = parseOptionalInt(t);
    return v === 'bad' || v === null ? 'is required: a port 1-65535' : commit(field, { [field]: v });
  };
  return (
    <div className="inspector__body" data-testid="design-inspector">
      <header className="inspector__head">
        <div>
          <div className="inspector__title">Design</div>
          <div className="inspector__sub">{designCounts(design)}</div>
        </div>
      </header>
      <section className="inspector__section">
        <TextField label="Name" value={design.name} testId="field-design-name" commit={(t) => commit('name', { name: t })} />
        {POOLS.map(([key, label]) => (
          <TextField key={key} label={label} mono value={n.pools[key]} testId={`field-pool-${key}`}
            commit={(t) => commit(key, { pools: { ...n.pools, [key]: t.trim() } })} />
        ))}
        <TextField label="IPv6 pool" mono value={n.pools.ipv6 ?? ''} placeholder="none (IPv4 only)"
          commit={(t) => commit('ipv6', { pools: { ...n.pools, ipv6: t.trim() || null } })} />
        <div className="field-row">
          <TextField label="Listen port" mono value={String(n.listenPort)} commit={(t) => port('listenPort', t)} />
          <TextField label="Management port" mono value={String(n.managementPort)} commit={(t) => port('managementPort', t)} />
        </div>
        <CheckField label="Preshared key on every tunnel" checked={n.presharedKeys}
          hint="Post-quantum hardening, as WireGuard recommends." commit={(c) => commit('presharedKeys', { presharedKeys: c })} />
      </section>
      <section className="inspector__section">
        <h3 className="section-title">Monitoring</h3>
        <MonitoringField design={design} commit={commit} />
      </section>
      <FailoverGroups design={design} />
      <section className="inspector__section">
        <h3 className="section-title">Keys</h3>
        <NetworkCustodyField value={n.keys} commit={(keys) => commit('keys', { keys })} />
        <RegenerateKeys label="Regenerate keys for all hosts" testId="regenerate-all-keys" />
      </section>
      <section className="inspector__section">
        <h3 className="section-title">This device</h3>
        <CheckField label="Remember private keys on this device" checked={rememberKeys} testId="remember-keys"
          commit={(c) => {
            store.getState().setRememberKeys(c);
            return null;
          }}
          hint={<span className={rememberKeys ? 'warn-text' : undefined}>
            Off: autosave keeps the design without private or preshared keys, so a reload loses them (export first).
            On: they are stored unencrypted in this browser's local storage, readable by anyone who uses this profile.
          </span>} />
      </section>
    </div>
  );
}
