import { useState } from 'react';
import type { Finding, Severity } from '../../engine';
import { selectAnalysisPending, selectFindings } from '../store/selectors';
import { useApp } from '../store/store-context';
import { FindingRow } from './FindingRow';
import { PanelToggle } from '../ui/PanelToggle';

const GROUPS: ReadonlyArray<{ severity: Severity; label: string }> = [
  { severity: 'error', label: 'Errors' },
  { severity: 'warning', label: 'Warnings' },
  { severity: 'info', label: 'Info' },
];

/**
 * Every finding the engine reports, grouped by severity and re-checked on every edit, like an IDE's problems view.
 * While the worker checks a large design, the previous findings stay, marked "checking…".
 */
export function FindingsPanel() {
  const findings = useApp(selectFindings);
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
