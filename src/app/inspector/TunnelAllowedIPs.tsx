import { useMemo } from 'react';
import type { ExplainedPrefix, Tunnel } from '../../engine';
import { explainAllowedIPs, plural } from '../../engine';
import { draftKey } from '../store/drafts';
import { selectAnalysisPending, selectPlan } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { TextAreaField } from './TextAreaField';

type Side = 'ab' | 'ba';

/**
 * A tunnel's AllowedIPs each way, each prefix with the reason the plan put it there; or, once pinned, the two lists
 * as the design holds them, edited one prefix a line. Reasons come from the analysis the page already has (the
 * plan's lists and flows, worker or not): one pass over the flows for the selected tunnel, nothing planned again.
 */
export function TunnelAllowedIPs({ tunnel }: { tunnel: Tunnel }) {
  const store = useAppStoreApi();
  const plan = useApp(selectPlan);
  // A large design's analysis comes from the worker: until it is back, the lists shown are the previous design's.
  const pending = useApp(selectAnalysisPending);
  const explained = useMemo(() => (plan ? explainAllowedIPs(plan, tunnel.id) : null), [plan, tunnel.id]);
  const pinned = tunnel.allowedIPs;
  const pin = () => {
    if (!explained) return;
    store.getState().editTunnel(tunnel.id, { allowedIPs: { ab: explained.ab.map((e) => e.prefix), ba: explained.ba.map((e) => e.prefix) } });
  };
  const unpin = () => {
    const s = store.getState();
    if (s.editTunnel(tunnel.id, { allowedIPs: null }) !== null) return;
    // The pinned lists' fields are gone: text refused in them could no longer be fixed, only counted.
    for (const side of ['ab', 'ba'] as const) s.dropDraft(draftKey('tunnels', tunnel.id, `allowed-${side}`));
  };
  const sides: ReadonlyArray<[Side, string, string]> = [['ab', tunnel.a, tunnel.b], ['ba', tunnel.b, tunnel.a]];
  return (
    <section className="inspector__section" data-testid="tunnel-allowed-ips">
      <h3 className="section-title">AllowedIPs</h3>
      {pinned ? (
        <>
          <p className="muted">Pinned: the engine keeps these lists as written, whatever flows change. Unpin to have them computed again.</p>
          {sides.map(([side, from, to]) => (
            <PinnedList key={side} tunnel={tunnel} side={side} label={`${from} sends to ${to}`} />
          ))}
          <button type="button" className="btn btn--small" data-testid="unpin-allowed-ips" onClick={unpin}>Unpin (compute again)</button>
        </>
      ) : (
        <>
          {sides.map(([side, from, to]) => (
            <div key={side} data-testid={`allowed-${side}`}>
              <div className="field__label">{from} sends to {to}: {explained ? plural(explained[side].length, 'prefix') : 'waiting for the analysis'}</div>
              {explained && <ExplainedList list={explained[side]} />}
            </div>
          ))}
          <button type="button" className="btn btn--small" data-testid="pin-allowed-ips" disabled={!explained || pending} onClick={pin}
            title="Copy these lists into the design, to edit them by hand">Pin these lists</button>
        </>
      )}
    </section>
  );
}

function ExplainedList({ list }: { list: readonly ExplainedPrefix[] }) {
  return (
    <ul className="allowed">
      {list.map((e) => (
        <li key={e.prefix} data-testid="allowed-prefix" data-prefix={e.prefix}>
          <span className="allowed__prefix">{e.prefix}</span>
          {e.reasons.map((r, i) => (
            <div key={i} className={`allowed__why${i > 0 && e.reasons[0]?.endsWith(':') ? ' allowed__why--sub' : ''}`}>{r}</div>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** One pinned direction, one prefix a line: a bad line is named by its number and kept as a draft. */
function PinnedList({ tunnel, side, label }: { tunnel: Tunnel; side: Side; label: string }) {
  const store = useAppStoreApi();
  const list = tunnel.allowedIPs?.[side] ?? null;
  const commit = (text: string): string | null => {
    const lines = text.split('\n').map((line, i) => ({ text: line.trim(), line: i + 1 })).filter((l) => l.text !== '');
    const s = store.getState();
    const current = s.history.present.tunnels.find((t) => t.id === tunnel.id)?.allowedIPs ?? { ab: null, ba: null };
    const errors = s.editTunnel(tunnel.id, { allowedIPs: { ...current, [side]: lines.map((l) => l.text) } }, `tunnels:${tunnel.id}:allowed-${side}`);
    if (errors === null) return null;
    const named = errors.flatMap((e) => {
      const m = new RegExp(`\\.allowedIPs\\.${side}\\[(\\d+)\\]$`).exec(e.path);
      const l = m ? lines[Number(m[1])] : undefined;
      return l ? [`line ${l.line}: "${l.text}" ${e.message}`] : [];
    });
    return named.length > 0 ? named.join('; ') : errors[0]?.message ?? null;
  };
  return (
    <TextAreaField label={label} name={`allowed-${side}`} testId={`pinned-${side}`} rows={Math.max(2, (list?.length ?? 0) + 1)}
      value={list?.join('\n') ?? ''} placeholder={list === null ? 'computed (not pinned this way)' : 'nothing: this side sends no traffic'}
      hint="One prefix a line, e.g. 10.10.0.0/24 or fd10::/64." commit={commit} />
  );
}
