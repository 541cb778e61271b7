import { draftsLabel } from '../store/drafts';
import { useApp, useAppStoreApi } from '../store/store-context';

/** The status bar's "2 unsaved invalid edits": text the design refused, kept until fixed or discarded. */
export function DraftsStatus() {
  const store = useAppStoreApi();
  const count = useApp((s) => Object.keys(s.drafts).length);
  if (count === 0) return null;
  return (
    <button type="button" className="statusbar__drafts" data-testid="drafts-status"
      title="Text the design refused is kept in its field: fix it, or discard it" onClick={() => store.getState().openDialog('drafts')}>
      {draftsLabel(count)}
    </button>
  );
}
