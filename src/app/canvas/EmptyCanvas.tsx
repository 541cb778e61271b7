import { useAppStoreApi } from '../store/store-context';

/** What an empty canvas says: where to start. */
export function EmptyCanvas() {
  const store = useAppStoreApi();
  return (
    <div className="empty-canvas">
      <h2>Start a design</h2>
      <p>Drag a database, app host or gateway from the palette, then drag between two hosts' handles to draw a tunnel.</p>
      <p>
        <button type="button" className="btn btn--primary" onClick={() => store.getState().openDialog('templates')}>Start from a template…</button>
      </p>
      <p className="muted">You can also drop existing wg-quick <code>.conf</code> files here to import them.</p>
    </div>
  );
}
