import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useDraftText } from './use-draft-text';

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
 * How long typing must pause before the text is tried against the design. A design change sets off the canvas, the
 * status bar, the autosave and the analysis: at 5,000 hosts tens of ms of main thread, too much for every key of a
 * typed word (issue 20's budget is 4 ms a key). The text is tried at once on blur, Enter, unmount and pagehide.
 */
export const COMMIT_PAUSE_MS = 250;

/**
 * A text input with field-level validation: the text is tried against the design schema once typing pauses (and at
 * once when the field loses focus); an invalid value never reaches the design. It stays in the input with the
 * schema's message under it, and (inside an inspector's DraftScope) in the store, so selecting another item and
 * coming back finds it again, until it is fixed, Escape restores the design's value, or it is discarded from the
 * status bar.
 */
export function TextField({ label, value, commit, hint, placeholder, mono, lazy, testId, name }: TextFieldProps) {
  const id = useId();
  const { draftKey, text, error, setTyping, tryCommit, restore } = useDraftText(value, commit, name ?? testId ?? label, label);
  const pending = usePendingCommit(tryCommit);
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
        data-draft-key={draftKey ?? undefined}
        onFocus={() => setTyping(text)}
        onBlur={() => {
          if (lazy) tryCommit(text);
          else pending.flush();
          setTyping(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            if (lazy) tryCommit(text);
            else pending.flush();
          }
          if (e.key === 'Escape') {
            pending.cancel();
            restore();
          }
        }}
        onChange={(e) => {
          setTyping(e.target.value);
          if (!lazy) pending.schedule(e.target.value);
        }}
      />
    </Shell>
  );
}

/**
 * The text waiting for typing to pause: `schedule` (re)starts the wait, `flush` tries it now, `cancel` forgets it.
 * A wait still running when the field unmounts (another item selected) or the page is hidden is flushed, so no
 * typed character is lost.
 */
function usePendingCommit(tryCommit: (text: string) => void) {
  const latest = useRef(tryCommit);
  useLayoutEffect(() => {
    latest.current = tryCommit;
  });
  const waiting = useRef<{ text: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const [api] = useState(() => {
    const flush = () => {
      const w = waiting.current;
      if (!w) return;
      clearTimeout(w.timer);
      waiting.current = null;
      latest.current(w.text);
    };
    const cancel = () => {
      if (waiting.current) clearTimeout(waiting.current.timer);
      waiting.current = null;
    };
    const schedule = (text: string) => {
      cancel();
      waiting.current = { text, timer: setTimeout(flush, COMMIT_PAUSE_MS) };
    };
    return { flush, cancel, schedule };
  });
  useEffect(() => {
    // Capture listeners on the event's own target run before the autosave's (on window, bubbling), so the text is
    // in the design, or kept as a draft, before the design is written on the way out.
    const onHide = () => api.flush();
    window.addEventListener('pagehide', onHide, true);
    window.addEventListener('beforeunload', onHide, true);
    document.addEventListener('visibilitychange', onHide, true);
    return () => {
      window.removeEventListener('pagehide', onHide, true);
      window.removeEventListener('beforeunload', onHide, true);
      document.removeEventListener('visibilitychange', onHide, true);
      api.flush();
    };
  }, [api]);
  return api;
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
