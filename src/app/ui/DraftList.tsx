import { useMemo } from 'react';
import { useApp, useAppStoreApi } from '../store/store-context';
import { goToDraft } from './go-to-draft';

/** Every unsaved invalid edit: where it is, what was typed, why it was refused; go to it or discard it. */
export function DraftList({ onGo }: { onGo: () => void }) {
  const store = useAppStoreApi();
  const drafts = useApp((s) => s.drafts);
  const list = useMemo(() => Object.values(drafts), [drafts]);
  return (
    <ul className="draft-list" data-testid="draft-list">
      {list.map((d) => (
        <li key={d.key} className="draft-list__item" data-testid="draft">
          <div className="draft-list__text">
            <b>{d.title}</b>: <code>{d.text === '' ? '(empty)' : d.text}</code>
            <div className="field__error">{d.error}</div>
          </div>
          <button type="button" className="btn btn--small" data-testid="draft-go" onClick={() => {
            onGo();
            goToDraft(store, d);
          }}>Go to field</button>
          <button type="button" className="btn btn--small btn--ghost" data-testid="draft-discard"
            onClick={() => store.getState().dropDraft(d.key)}>Discard</button>
        </li>
      ))}
    </ul>
  );
}
