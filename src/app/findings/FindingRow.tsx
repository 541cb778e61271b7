import type { Finding, Fix } from '../../engine';
import { useAppStoreApi } from '../store/store-context';

const ICON = { error: '✕', warning: '!', info: 'i' } as const;

/** A button that applies one repair of a finding. */
function FixButton({ fix, testId }: { fix: Fix; testId: string }) {
  const store = useAppStoreApi();
  return (
    <button type="button" className="btn btn--small btn--fix" data-testid={testId} title={`Apply the fix: ${fix.label}`}
      onClick={() => store.getState().applyFix(fix)}>
      {fix.label}
    </button>
  );
}

/** One finding: click it to select and centre its subjects; its fix (and any alternative) are buttons. */
export function FindingRow({ finding }: { finding: Finding }) {
  const store = useAppStoreApi();
  const subjects = [...(finding.subjects.hosts ?? []), ...(finding.subjects.tunnels ?? []), ...(finding.subjects.flows ?? [])];
  const focus = () => store.getState().focusSubjects(finding.subjects);
  return (
    <li className={`finding finding--${finding.severity}`} data-testid="finding" data-code={finding.code}>
      <button type="button" className="finding__main" onClick={focus} title="Select and centre what this finding is about">
        <span className={`finding__icon sev--${finding.severity}`} aria-label={finding.severity}>{ICON[finding.severity]}</span>
        <span className="finding__text">
          <span className="finding__message">{finding.message}</span>
          <span className="finding__meta">
            <code>{finding.code}</code>
            {subjects.slice(0, 6).map((s) => <span key={s} className="chip mono">{s}</span>)}
          </span>
        </span>
      </button>
      {finding.fix && !finding.alternative && <FixButton fix={finding.fix} testId="apply-fix" />}
      {finding.fix && finding.alternative && (
        <div className="finding__fixes">
          <FixButton fix={finding.fix} testId="apply-fix" />
          <FixButton fix={finding.alternative} testId="apply-alternative" />
        </div>
      )}
    </li>
  );
}
