import { useId, useState } from 'react';
import { useDraftField } from './draft-scope';
import { Shell } from './fields';

export interface PublicKeyFieldProps {
  value: string;
  /** Tries the key ('' clears it); returns the message that kept it out of the design, or null. */
  commit: (text: string) => string | null;
}

const NO_CLIPBOARD = 'Paste is not available here (this browser does not let the page read the clipboard): click the field and press Ctrl+V.';

/**
 * The public key of a host that keeps its own private key, typed or pasted from `wg show wg0 public-key`. Like
 * TextField, a key that does not go in stays in the input (and in the store) with the reason under it, so nothing
 * typed is lost.
 */
export function PublicKeyField({ value, commit }: PublicKeyFieldProps) {
  const id = useId();
  // A refused key is kept in the store like any inspector draft (draft-scope.tsx): it survives selecting another host.
  const draft = useDraftField('field-publicKey', 'Public key');
  const [typing, setTyping] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [seen, setSeen] = useState(value);
  const [note, setNote] = useState<string | null>(null);
  // Outside a scope, an outside change (undo, a fix, new keys) clears the message, but never while the user types.
  if (typing === null && value !== seen) {
    setSeen(value);
    setLocalError(null);
  }
  const text = typing ?? draft.stored?.text ?? value;
  const error = draft.key === null ? localError : draft.stored?.error ?? null;
  const tryKey = (raw: string) => {
    const key = raw.trim();
    setNote(null);
    const err = key === value ? null : commit(key);
    if (draft.key === null) setLocalError(err);
    else if (err === null) draft.drop();
    else draft.keep(key, err);
    return key === raw ? raw : key;
  };
  const paste = async () => {
    const read = typeof navigator !== 'undefined' ? navigator.clipboard?.readText.bind(navigator.clipboard) : undefined;
    if (!read) {
      setNote(NO_CLIPBOARD);
      return;
    }
    try {
      tryKey(await read());
    } catch {
      // Denied permission, or no focus on the page: the same way out works.
      setNote(NO_CLIPBOARD);
    }
  };
  return (
    <Shell label="Public key" id={id} error={error} hint="From the host: wg show wg0 public-key (its install.sh prints it too).">
      <div className="key-input">
        <input id={id} className="input mono" value={text} placeholder="44 characters ending in =" spellCheck={false}
          autoComplete="off" data-testid="field-publicKey" aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-draft-key={draft.key ?? undefined}
          onFocus={() => setTyping(text)} onBlur={() => setTyping(null)}
          onChange={(e) => setTyping(tryKey(e.target.value))} />
        <button type="button" className="btn btn--small" data-testid="paste-public-key" onClick={() => void paste()}>Paste</button>
      </div>
      {/* Beside any error on the key, not instead of it: the two say different things. */}
      {note && <div className="field__hint" role="status" data-testid="paste-note">{note}</div>}
    </Shell>
  );
}
