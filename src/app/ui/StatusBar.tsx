import { designCounts, plural, pluralNoun } from '../../engine';
import { selectDesign, selectFindings } from '../store/selectors';
import { useApp } from '../store/store-context';
import { DraftsStatus } from './DraftsStatus';

/** The bottom line: counts, findings, the connect mode, and where the design is saved. */
export function StatusBar() {
  const d = useApp(selectDesign);
  const findings = useApp(selectFindings);
  const mode = useApp((s) => s.mode);
  const savedAt = useApp((s) => s.savedAt);
  const unsaved = useApp((s) => s.unsaved);
  const otherTab = useApp((s) => s.otherTab !== null);
  const rememberKeys = useApp((s) => s.rememberKeys);
  const pending = useApp((s) => s.pendingKeys.length);
  const n = (sev: string) => findings.filter((f) => f.severity === sev).length;
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span data-testid="status-counts">{designCounts(d)}</span>
      <span className="statusbar__sev">
        <span className="count count--error">{n('error')}</span> {pluralNoun(n('error'), 'error')}
        <span className="count count--warning">{n('warning')}</span> {pluralNoun(n('warning'), 'warning')}
      </span>
      <span>Mode: <b>{mode === 'tunnel' ? 'tunnel' : 'flow'}</b> <span className="muted">(T / F)</span></span>
      <DraftsStatus />
      {pending > 0 && <span className="muted">Generating {plural(pending, 'keypair')}…</span>}
      <span className="statusbar__spacer" />
      <span data-testid="save-status" data-unsaved={unsaved && !otherTab} title={rememberKeys ? 'Private keys are stored in this browser' : 'Private keys are never stored in this browser'}>
        {otherTab ? 'Not saved: another tab changed this design' : unsaved ? 'Saving in this browser…' : savedAt ? `Saved in this browser at ${new Date(savedAt).toLocaleTimeString()}` : 'Autosaves in this browser'}
        {rememberKeys ? ' (with keys)' : ' (without keys)'}
      </span>
    </footer>
  );
}
