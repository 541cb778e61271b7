import { publicDesign } from '../../engine';
import { downloadBlob, fileStem } from '../files/download';
import { withOwnKeys } from '../persistence/same-design';
import { useApp, useAppStoreApi } from '../store/store-context';

/**
 * Another tab saved a different design into this browser's one autosave slot. Autosave here has stopped; the user
 * takes theirs (undoable: Ctrl+Z brings this tab's back), keeps this one as a downloaded copy and takes theirs, or
 * knowingly saves this one over theirs.
 */
export function OtherTabBanner() {
  const store = useAppStoreApi();
  const theirs = useApp((s) => s.otherTab);
  if (!theirs) return null;
  const reloadTheirs = () => {
    const s = store.getState();
    // Loaded while autosave still waits, so this tab's design is never written over theirs on the way.
    s.loadDesign(withOwnKeys(theirs, s.history.present));
    s.setOtherTab(null);
    s.toast('info', 'Showing the other tab\'s design. Ctrl+Z brings this tab\'s back.');
  };
  const keepCopy = () => {
    const mine = store.getState().history.present;
    const name = `${fileStem(mine.name)}-copy.json`;
    downloadBlob(`${JSON.stringify(publicDesign(mine), null, 2)}\n`, name, 'application/json');
    reloadTheirs();
    store.getState().toast('success', `This tab's design was downloaded as ${name} (without keys).`);
  };
  return (
    <div className="notice notice--warning other-tab" role="alert" data-testid="other-tab-banner">
      <div className="notice__text">
        <b>Another tab changed this design.</b> This tab stopped saving so that neither overwrites the other. Take
        theirs, or keep this one as a copy.
      </div>
      <div className="keys-lost__actions">
        <button type="button" className="btn btn--small btn--primary" data-testid="other-tab-reload" onClick={reloadTheirs}>Reload theirs</button>
        <button type="button" className="btn btn--small" data-testid="other-tab-copy" onClick={keepCopy}
          title="Downloads this tab's design as JSON (without keys), then shows theirs">Keep mine as a copy</button>
        <button type="button" className="btn btn--small btn--ghost" data-testid="other-tab-overwrite" onClick={() => store.getState().setOtherTab(null)}
          title="Saves this tab's design over the other tab's changes">Save mine over theirs</button>
      </div>
    </div>
  );
}
