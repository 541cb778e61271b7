import { useApp, useAppStoreApi } from '../store/store-context';

/** Short messages in a corner; errors stay until dismissed. Announced to screen readers. */
export function Toasts() {
  const store = useAppStoreApi();
  const toasts = useApp((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast--${t.kind}`} data-testid={`toast-${t.kind}`}>
          <span>{t.text}</span>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => store.getState().dismissToast(t.id)}>✕</button>
        </div>
      ))}
    </div>
  );
}
