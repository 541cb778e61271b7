import { useState } from 'react';
import type { ReactNode } from 'react';

export interface ConfirmButtonProps {
  label: string;
  /** What the user agrees to, shown with the confirm and cancel buttons. */
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  title?: string;
  testId?: string;
}

/**
 * A button that asks first, inline rather than in a native `confirm()` (which blocks the page and cannot be styled):
 * for actions whose effect reaches beyond this tab, such as new keys every peer must be given.
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, disabled, title, testId }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="btn btn--small" disabled={disabled} title={title} data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p className="confirm__question">{question}</p>
      <div className="confirm__actions">
        <button type="button" className="btn btn--small btn--danger" data-testid={testId && `${testId}-confirm`} onClick={() => {
          setAsking(false);
          onConfirm();
        }}>{confirmLabel}</button>
        <button type="button" className="btn btn--small" onClick={() => setAsking(false)}>Cancel</button>
      </div>
    </div>
  );
}
