import { useCallback, useState } from 'react';
import type { Finding, Severity } from '../../engine';
import { selectAnalysisPending } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { useAllFindings } from './use-all-findings';
import { pickedFolderFiles } from '../files/collected-folder';
import { offerCollectedFolder } from '../files/offer-files';
import { useFilePicker } from '../files/use-file-picker';
import { FindingRow } from './FindingRow';
import { PanelToggle } from '../ui/PanelToggle';

const GROUPS: ReadonlyArray<{ severity: Severity; label: string }> = [
  { severity: 'error', label: 'Errors' },
  { severity: 'warning', label: 'Warnings' },
  { severity: 'info', label: 'Info' },
];

/**
 * Every finding the engine reports, grouped by severity and re-checked on every edit, like an IDE's problems view.
 * While the worker checks a large design, the previous findings stay, marked "checking…". A comparison with the
 * running network (a dropped collected folder) adds its differences on top, as `drift-*` findings, until cleared.
 */
export function FindingsPanel() {
  const findings = useAllFindings();
  const liveSource = useApp((s) => s.liveSource);
  const store = useAppStoreApi();
  // A folder of collect.sh's host folders, compared with the design as dropping it on the canvas does.
  const [pickLive, liveInput] = useFilePicker(useCallback((files) => void offerCollectedFolder(store, pickedFolderFiles(files)), [store]),
    { accept: '', directory: true, testId: 'live-folder' });
  const pending = useApp(selectAnalysisPending);
  const [collapsed, setCollapsed] = useState<Record<Severity, boolean>>({ error: false, warning: false, info: true });
  const by = (s: Severity) => findings.filter((f) => f.severity === s);
  return (
    <section className="findings" aria-label="Findings" aria-busy={pending} data-testid="findings">
      <div className="panel-title">
        Findings
        {pending && <span className="muted findings__checking" data-testid="findings-checking">checking…</span>}
        <span className="findings__counts">
          {GROUPS.map((g) => <span key={g.severity} className={`count count--${g.severity}`} title={g.label}>{by(g.severity).length}</span>)}
        </span>
        <PanelToggle panel="findings" />
      </div>
      <div className="findings__body">
        <p className="findings__live" data-testid="findings-live">
          {liveSource === null
            ? <span className="muted">Compare with the running network: drop the folder collect.sh filled on the canvas, or</span>
            : <span>Compared with the running network in <span className="mono">{liveSource}</span></span>}
          <button type="button" className="btn btn--small" onClick={pickLive} data-testid="pick-live"
            title="Pick the folder that holds each host's collect.sh folder">{liveSource === null ? 'pick it…' : 'Again…'}</button>
          {liveSource !== null && (
            <button type="button" className="btn btn--small" onClick={() => store.getState().clearLive()} data-testid="clear-live">Clear</button>
          )}
          {liveInput}
        </p>
        {findings.length === 0 && !pending && <p className="muted findings__empty">No findings: the design is consistent.</p>}
        {GROUPS.map((g) => {
          const list: Finding[] = by(g.severity);
          if (list.length === 0) return null;
          return (
            <div key={g.severity} className="findings__group" data-testid={`findings-${g.severity}`}>
              <button type="button" className="findings__group-head" aria-expanded={!collapsed[g.severity]}
                onClick={() => setCollapsed((c) => ({ ...c, [g.severity]: !c[g.severity] }))}>
                <span className="chevron">{collapsed[g.severity] ? '▸' : '▾'}</span> {g.label} ({list.length})
              </button>
              {!collapsed[g.severity] && (
                <ul className="findings__list">
                  {list.map((f, i) => <FindingRow key={`${f.code}-${i}-${f.message}`} finding={f} />)}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
