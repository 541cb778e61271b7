import type { DatabaseEngine, Host, Role } from '../../engine';
import { DEFAULT_DB_PORTS, kindOf, ROLES } from '../../engine';
import { HostIcon } from '../icons/HostIcon';
import { useAppStoreApi } from '../store/store-context';
import { AddFlowForm } from './AddFlowForm';
import { ConfigPreview } from './ConfigPreview';
import { CheckField, SelectField, TextField, parseList, parseOptionalInt } from './fields';
import { HostFlows } from './HostFlows';
import { HostKeys } from './HostKeys';
import { ServicesEditor } from './ServicesEditor';
import { useCommit } from './use-commit';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: { db: 'Database server', app: 'App host', gateway: 'Gateway / bastion', client: 'Admin client' }[r] }));
const ENGINES = (Object.keys(DEFAULT_DB_PORTS) as DatabaseEngine[]).map((e) => ({ value: e, label: `${e} (${DEFAULT_DB_PORTS[e]})` }));
const NOT_INT = 'must be a whole number';

/** The selected host: every field of the design file, each validated as it is typed, and its live config. */
export function HostInspector({ host }: { host: Host }) {
  const store = useAppStoreApi();
  const commit = useCommit('hosts', host.id);
  const int = (field: string, text: string) => {
    const n = parseOptionalInt(text);
    return n === 'bad' ? NOT_INT : commit(field, { [field]: n });
  };
  return (
    <div className="inspector__body" data-testid="host-inspector">
      <header className="inspector__head">
        <span className={`inspector__icon kind-${kindOf(host)}`}><HostIcon kind={kindOf(host)} size={22} /></span>
        <div>
          <div className="inspector__title">{host.name}</div>
          <div className="inspector__sub mono">{host.id} · {host.addresses.join(', ') || 'no address'}</div>
        </div>
        <button type="button" className="btn btn--small inspector__connect" data-testid="connect-to" title="A tunnel to another host, named by typing (C)"
          onClick={() => {
            store.getState().select({ hosts: [host.id], tunnels: [], flows: [] });
            store.getState().openDialog('connect');
          }}>Connect to…</button>
      </header>
      <section className="inspector__section">
        <TextField label="Name" value={host.name} commit={(t) => commit('name', { name: t })} testId="field-name" />
        <TextField label="Id" mono lazy value={host.id} testId="field-id"
          hint="Names the host's bundle folder; tunnels and flows follow a rename."
          commit={(t) => {
            const err = commit('id', { id: t.trim() });
            if (err === null) store.getState().select({ hosts: [t.trim()], tunnels: [], flows: [] });
            return err;
          }} />
        <SelectField<Role> label="Role" value={host.role} options={ROLE_OPTIONS} testId="field-role"
          commit={(r) => commit('role', { role: r, database: r === 'db' ? host.database ?? { engine: 'postgresql', port: 5432 } : host.database })} />
        <TextField label="Endpoint" mono value={host.endpoint ?? ''} placeholder="db1.example.net:51820" testId="field-endpoint"
          hint="host:port its peers dial (a public address or DNS name); empty when nobody dials this host" commit={(t) => commit('endpoint', { endpoint: t.trim() || null })} />
        <div className="field-row">
          <TextField label="Listen port" mono value={host.listenPort?.toString() ?? ''} placeholder="auto" testId="field-listenPort" commit={(t) => int('listenPort', t)} />
          <TextField label="MTU" mono value={host.mtu?.toString() ?? ''} placeholder="auto" testId="field-mtu" commit={(t) => int('mtu', t)} />
        </div>
        <div className="field-row">
          <TextField label="Underlay MTU" mono value={host.underlay?.mtu.toString() ?? ''} placeholder="unknown" testId="field-underlay-mtu"
            commit={(t) => {
              const n = parseOptionalInt(t);
              if (n === 'bad') return NOT_INT;
              return commit('underlay', { underlay: n === null ? null : { mtu: n, family: host.underlay?.family ?? 'ipv4' } });
            }} />
          <SelectField label="Underlay" value={host.underlay?.family ?? 'unknown'} testId="field-underlay-family"
            options={[{ value: 'unknown', label: 'unknown' }, { value: 'ipv4', label: 'IPv4' }, { value: 'ipv6', label: 'IPv6' }]}
            commit={(f) => commit('underlay', { underlay: f === 'unknown' ? null : { mtu: host.underlay?.mtu ?? 1500, family: f } })} />
        </div>
        <TextField label="Addresses" mono value={host.addresses.join(', ')} placeholder="allocated from the pool" testId="field-addresses"
          hint="Overlay addresses; empty takes the next free one from the role's pool." commit={(t) => commit('addresses', { addresses: parseList(t) })} />
        <CheckField label="Behind NAT (dialled only through a port forward; keeps tunnels open)" checked={host.behindNat} testId="field-behindNat"
          commit={(c) => commit('behindNat', { behindNat: c })} />
        <CheckField label="External (not managed here: no bundle)" checked={host.external} commit={(c) => commit('external', { external: c })} />
        {host.external && (
          <CheckField label="Dials in (a phone, a laptop: needs no endpoint; the bundle writes it a config to hand out)" checked={host.dialsIn}
            testId="field-dialsIn" commit={(c) => commit('dialsIn', { dialsIn: c })} />
        )}
        {!host.external && host.endpoint === null && (
          <CheckField label="No fixed listen port (the kernel picks one: nobody dials this host)" checked={host.randomListenPort}
            testId="field-randomListenPort" commit={(c) => commit('randomListenPort', { randomListenPort: c })} />
        )}
      </section>
      {(host.role === 'db' || host.database) && (
        <section className="inspector__section">
          <h3 className="section-title">Database</h3>
          <div className="field-row">
            <SelectField label="Engine" value={host.database?.engine ?? 'postgresql'} options={ENGINES} testId="field-db-engine"
              commit={(e) => commit('database', { database: { engine: e, port: DEFAULT_DB_PORTS[e] } })} />
            <TextField label="Port" mono value={host.database?.port.toString() ?? ''} testId="field-db-port"
              commit={(t) => {
                const n = parseOptionalInt(t);
                if (n === 'bad' || n === null) return 'is required: a port 1-65535';
                return commit('database', { database: { engine: host.database?.engine ?? 'postgresql', port: n } });
              }} />
          </div>
        </section>
      )}
      {(host.role === 'gateway' || host.lans.length > 0) && (
        <section className="inspector__section">
          <h3 className="section-title">Site</h3>
          <TextField label="Lans routed" mono value={host.lans.join(', ')} placeholder="e.g. 172.31.0.0/16" testId="field-lans"
            hint="Networks behind this gateway (a VPC, an office lan)." commit={(t) => commit('lans', { lans: parseList(t) })} />
          <CheckField label="Masquerade into the lans" checked={host.masquerade} commit={(c) => commit('masquerade', { masquerade: c })}
            hint="For lans that have no route back to the overlay." />
          <ServicesEditor host={host} commit={commit} />
        </section>
      )}
      <HostFlows host={host} />
      <AddFlowForm from={host.id} />
      <HostKeys host={host} />
      <section className="inspector__section">
        <TextField label="Notes" value={host.notes} commit={(t) => commit('notes', { notes: t })} />
      </section>
      <ConfigPreview hostId={host.id} />
    </div>
  );
}
