import { draftsLabel } from '../store/drafts';
import { useApp, useAppStoreApi } from '../store/store-context';
import { DraftList } from '../ui/DraftList';
import { Modal } from '../ui/Modal';

/** The status bar's list of unsaved invalid edits: go to one, discard one, or discard them all. */
export function DraftsDialog() {
  const store = useAppStoreApi();
  const count = useApp((s) => Object.keys(s.drafts).length);
  const close = () => store.getState().closeDialog();
  return (
    <Modal title={count === 0 ? 'No unsaved invalid edits' : draftsLabel(count)} onClose={close} testId="drafts-dialog"
      footer={<>
        <button type="button" className="btn btn--danger" disabled={count === 0} data-testid="drafts-discard-all" onClick={() => {
          store.getState().discardDrafts();
          close();
        }}>Discard all</button>
        <button type="button" className="btn" onClick={close}>Close</button>
      </>}>
      <p>The design did not take this text: it keeps its last valid values until each field is fixed. Export, share
        links and the saved JSON use those values.</p>
      <DraftList onGo={close} />
    </Modal>
  );
}
