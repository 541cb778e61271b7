import { useState } from 'react';
import { useDraftField } from './draft-scope';

/**
 * A text field's state, shared by TextField and TextAreaField: the text while it has focus, else its kept draft, else
 * the design's value; the message of the last refused text; `tryCommit` to offer a text to the design (a refused one
 * stays as a draft inside an inspector's DraftScope); `restore` for Escape.
 */
export function useDraftText(value: string, commit: (text: string) => string | null, name: string, label: string) {
  const draft = useDraftField(name, label);
  const [typing, setTyping] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [seen, setSeen] = useState(value);
  // Outside a scope, an outside change (undo, a fix) clears the message, but never while the user is typing.
  if (typing === null && value !== seen) {
    setSeen(value);
    setLocalError(null);
  }
  const tryCommit = (t: string) => {
    const err = t === value ? null : commit(t);
    if (draft.key === null) setLocalError(err);
    else if (err === null) draft.drop();
    else draft.keep(t, err);
  };
  const restore = () => {
    setTyping(value);
    setLocalError(null);
    draft.drop();
  };
  return {
    draftKey: draft.key,
    text: typing ?? draft.stored?.text ?? value,
    error: draft.key === null ? localError : draft.stored?.error ?? null,
    setTyping,
    tryCommit,
    restore,
  };
}
