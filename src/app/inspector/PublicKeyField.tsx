import { useId, useState } from 'react';
import { Shell } from './fields';

export interface PublicKeyFieldProps {
  value: string;
  /** Tries the key ('' clears it); returns the message that kept it out of the design, or null. */
  commit: (text: string) => string | null;
}

const NO_CLIPBOARD = 'Paste is not available here (this browser does not let the page read the clipboard): click the field and press Ctrl+V.';

/**
 * The public key of a host that keeps its own private key, typed or pasted from `wg show wg0 public-key`. Like
 * TextField, a key that does not go in stays in the input with the reason under it, so nothing typed is lost.
 */
export function PublicKeyField({ value, commit }: PublicKeyFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [focused, setFocused] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // Outside changes (undo, a fix, new keys) replace the draft, but never while the user is typing in it.
  if (!focused && value !== seen) {
    setSeen(value);
    setDraft(value);
    setError(null);
  }
  const tryKey = (raw: string) => {
    const text = raw.trim();
    setDraft(text === raw ? raw : text);
    setNote(null);
    setError(text === value ? null : commit(text));
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
        <input id={id} className="input mono" value={draft} placeholder="44 characters ending in =" spellCheck={false}
          autoComplete="off" data-testid="field-publicKey" aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onFocus={() => setFocused(true)} onBlur={() => setFocused(false)}
          onChange={(e) => tryKey(e.target.value)} />
        <button type="button" className="btn btn--small" data-testid="paste-public-key" onClick={() => void paste()}>Paste</button>
      </div>
      {/* Beside any error on the key, not instead of it: the two say different things. */}
      {note && <div className="field__hint" role="status" data-testid="paste-note">{note}</div>}
    </Shell>
  );
}
