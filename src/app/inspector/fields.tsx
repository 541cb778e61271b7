import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useDraftField } from './draft-scope';

export interface FieldShell {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  id: string;
  children: ReactNode;
}

/** A field's label, control and the message under it: its error, else its hint. */
export function Shell({ label, hint, error, id, children }: FieldShell) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label className="field__label" htmlFor={id}>{label}</label>
      {children}
      {error ? <div className="field__error" role="alert" id={`${id}-error`}>{error}</div> : hint ? <div className="field__hint">{hint}</div> : null}
    </div>
  );
}

export interface TextFieldProps {
  label: string;
  value: string;
  /** Tries the text; returns the error that kept it out of the design, or null when it went in. */
  commit: (text: string) => string | null;
  hint?: ReactNode;
  placeholder?: string;
  mono?: boolean;
  /** Commit on blur or Enter only (renaming an id must not happen per keystroke). */
  lazy?: boolean;
  testId?: string;
  /** Names the field among its item's fields, for its kept draft (default: testId, else label). */
  name?: string;
}

/**
 * A text input with field-level validation: every keystroke is tried against the design schema; an invalid value
 * never reaches the design. It stays in the input with the schema's message under it, and (inside an inspector's
 * DraftScope) in the store, so selecting another item and coming back finds it again, until it is fixed, Escape
 * restores the design's value, or it is discarded from the status bar.
 */
export function TextField({ label, value, commit, hint, placeholder, mono, lazy, testId, name }: TextFieldProps) {
  const id = useId();
  const draft = useDraftField(name ?? testId ?? label, label);
  // The text while the input has focus; otherwise it shows the kept draft, else the design's value.
  const [typing, setTyping] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [seen, setSeen] = useState(value);
  // Outside a scope, an outside change (undo, a fix) clears the message, but never while the user is typing.
  if (typing === null && value !== seen) {
    setSeen(value);
    setLocalError(null);
  }
  const text = typing ?? draft.stored?.text ?? value;
  const error = draft.key === null ? localError : draft.stored?.error ?? null;
  const tryCommit = (t: string) => {
    const err = t === value ? null : commit(t);
    if (draft.key === null) setLocalError(err);
    else if (err === null) draft.drop();
    else draft.keep(t, err);
  };
  return (
    <Shell label={label} hint={hint} error={error} id={id}>
      <input
        id={id}
        className={`input${mono ? ' mono' : ''}`}
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
        data-draft-key={draft.key ?? undefined}
        onFocus={() => setTyping(text)}
        onBlur={() => {
          if (lazy) tryCommit(text);
          setTyping(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && lazy) tryCommit(text);
          if (e.key === 'Escape') {
            setTyping(value);
            setLocalError(null);
            draft.drop();
          }
        }}
        onChange={(e) => {
          setTyping(e.target.value);
          if (!lazy) tryCommit(e.target.value);
        }}
      />
    </Shell>
  );
}

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  commit: (value: T) => string | null;
  hint?: ReactNode;
  testId?: string;
}

export function SelectField<T extends string>({ label, value, options, commit, hint, testId }: SelectFieldProps<T>) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <Shell label={label} hint={hint} error={error} id={id}>
      <select id={id} className="input" value={value} data-testid={testId} onChange={(e) => setError(commit(e.target.value as T))}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Shell>
  );
}

export interface CheckFieldProps {
  label: string;
  checked: boolean;
  commit: (checked: boolean) => string | null;
  hint?: ReactNode;
  testId?: string;
}

export function CheckField({ label, checked, commit, hint, testId }: CheckFieldProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={`field field--check${error ? ' has-error' : ''}`}>
      <label className="check" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} data-testid={testId} onChange={(e) => setError(commit(e.target.checked))} />
        <span>{label}</span>
      </label>
      {error ? <div className="field__error" role="alert">{error}</div> : hint ? <div className="field__hint">{hint}</div> : null}
    </div>
  );
}

/** Parses an optional integer field: empty is null, anything else must be digits. */
export function parseOptionalInt(text: string): number | null | 'bad' {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{1,6}$/.test(t) ? Number(t) : 'bad';
}

/** A comma- or space-separated list, empty entries dropped. */
export function parseList(text: string): string[] {
  return text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}
