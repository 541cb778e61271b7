import { useApp, useAppStoreApi } from '../store/store-context';

/** A banner over the canvas for what the user must know (a link opened without keys, a link that failed). */
export function NoticeBanner() {
  const store = useAppStoreApi();
  const notice = useApp((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <div className="notice__text">
        <b>{notice.title}.</b> {notice.text}
      </div>
      {notice.offerKeys && (
        <button type="button" className="btn btn--small" data-testid="notice-generate-keys" onClick={() => {
          store.getState().regenerateKeys(store.getState().history.present.hosts.filter((h) => h.privateKey === null).map((h) => h.id));
          store.getState().setNotice(null);
        }}>Generate keys here</button>
      )}
      <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => store.getState().setNotice(null)}>✕</button>
    </div>
  );
}
