import type { Design, FailoverGroup } from '../../engine';
import { fieldError, newFailoverGroup } from '../../engine';
import { draftKey } from '../store/drafts';
import { useAppStoreApi } from '../store/store-context';
import { SelectField, TextField } from './fields';

/**
 * The design's failover groups: a floating overlay address that the primary holds and the replica takes over when
 * promoted (the bundle's failover scripts). Flows to either member also reach the address.
 */
const DRAFTS = draftKey('network', '', 'failover-');

export function FailoverGroups({ design }: { design: Design }) {
  const store = useAppStoreApi();
  const dbs = design.hosts.filter((h) => h.role === 'db').map((h) => h.id);
  /** Edits group `i` from the store's current design (not a render's), returning the message for `field`. */
  const set = (i: number, field: keyof FailoverGroup, patch: Partial<FailoverGroup>): string | null => {
    const s = store.getState();
    const groups = s.history.present.failover.map((g, j) => (j === i ? { ...g, ...patch } : g));
    const r = s.editFailover(groups, `failover:${i}:${field}`);
    return r === null ? null : fieldError(r, 'failover', i, field);
  };
  const add = () => {
    const s = store.getState();
    const g = newFailoverGroup(s.history.present);
    if ('error' in g) {
      s.toast('error', `Failover group not added: ${g.error}.`);
      return;
    }
    const r = s.editFailover([...s.history.present.failover, g]);
    if (r !== null) s.toast('error', `Failover group not added: ${r[0]?.message ?? 'refused'}.`);
  };
  const remove = (i: number) => {
    const s = store.getState();
    if (s.editFailover(s.history.present.failover.filter((_, j) => j !== i)) !== null) return;
    // Drafts are kept by position: those of this group and the ones after it would now sit under the wrong group.
    for (const key of Object.keys(s.drafts)) {
      if (key.startsWith(DRAFTS) && Number.parseInt(key.slice(DRAFTS.length), 10) >= i) s.dropDraft(key);
    }
  };
  const hostOptions = (current: string) => [...new Set([...dbs, current])].map((id) => ({ value: id, label: id }));
  return (
    <section className="inspector__section" data-testid="failover-groups">
      <div className="services__head">
        <h3 className="section-title">Failover groups</h3>
        <button type="button" className="btn btn--small" data-testid="add-failover" disabled={dbs.length < 2}
          title={dbs.length < 2 ? 'A failover group needs two database hosts' : undefined} onClick={add}>Add</button>
      </div>
      {design.failover.length === 0 && (
        <p className="muted">None. A group gives a primary and its replica one floating address that moves on promotion.</p>
      )}
      {design.failover.map((g, i) => (
        <div className="failover-group" key={i} data-testid="failover-group">
          <div className="field-row">
            <TextField label="Id" name={`failover-${i}-id`} testId="failover-id" mono lazy value={g.id} commit={(t) => set(i, 'id', { id: t.trim() })} />
            <TextField label="Floating address" name={`failover-${i}-address`} testId="failover-address" mono value={g.address}
              commit={(t) => set(i, 'address', { address: t.trim() })} />
          </div>
          <div className="field-row">
            <SelectField label="Primary (holds it)" value={g.primary} testId="failover-primary" options={hostOptions(g.primary)}
              commit={(v) => set(i, 'primary', { primary: v })} />
            <SelectField label="Replica" value={g.replica} testId="failover-replica" options={hostOptions(g.replica)}
              commit={(v) => set(i, 'replica', { replica: v })} />
          </div>
          <button type="button" className="btn btn--small btn--ghost" data-testid="remove-failover" onClick={() => remove(i)}>Remove {g.id}</button>
        </div>
      ))}
    </section>
  );
}
