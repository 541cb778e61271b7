import { useId } from 'react';
import type { ReactNode } from 'react';
import { Shell } from './fields';
import { useDraftText } from './use-draft-text';

export interface TextAreaFieldProps {
  label: string;
  value: string;
  /** Tries the text; returns the error that kept it out of the design, or null when it went in. */
  commit: (text: string) => string | null;
  hint?: ReactNode;
  placeholder?: string;
  rows?: number;
  testId?: string;
  /** Names the field among its item's fields, for its kept draft (default: testId, else label). */
  name?: string;
}

/**
 * TextField's contract for text of several lines (a list, one entry a line): every keystroke is tried, and refused
 * text stays in the field with its message and, inside an inspector's DraftScope, in the store as a draft.
 */
export function TextAreaField({ label, value, commit, hint, placeholder, rows = 4, testId, name }: TextAreaFieldProps) {
  const id = useId();
  const { draftKey, text, error, setTyping, tryCommit, restore } = useDraftText(value, commit, name ?? testId ?? label, label);
  return (
    <Shell label={label} hint={hint} error={error} id={id}>
      <textarea
        id={id}
        className="input mono"
        rows={rows}
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
        data-draft-key={draftKey ?? undefined}
        onFocus={() => setTyping(text)}
        onBlur={() => setTyping(null)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') restore();
        }}
        onChange={(e) => {
          setTyping(e.target.value);
          tryCommit(e.target.value);
        }}
      />
    </Shell>
  );
}
