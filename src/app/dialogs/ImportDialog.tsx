import { plural } from '../../engine';
import { selectDesign } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { Modal } from '../ui/Modal';

/** Asked before an import lands on a design that has hosts: replace it, add the import as new hosts, or cancel. */
export function ImportDialog() {
  const store = useAppStoreApi();
  const pending = useApp((s) => s.pendingImport);
  const current = useApp(selectDesign);
  const resolve = (choice: 'replace' | 'merge' | 'cancel') => store.getState().resolveImport(choice);
  if (!pending) return null;
  const { mergeError } = pending;
  return (
    <Modal title="Import into this design?" onClose={() => resolve('cancel')} testId="import-dialog"
      footer={<>
        <button type="button" className="btn" onClick={() => resolve('cancel')} data-testid="import-cancel">Cancel</button>
        <button type="button" className="btn" disabled={mergeError !== null} onClick={() => resolve('merge')} data-testid="import-merge"
          title={mergeError === null ? 'Keep this design and add the imported hosts beside it' : `Cannot merge: ${mergeError}`}>Merge as new hosts</button>
        <button type="button" className="btn btn--primary" onClick={() => resolve('replace')} data-testid="import-replace">Replace the design</button>
      </>}>
      <p>
        {`“${current.name || 'untitled'}” has ${plural(current.hosts.length, 'host')}. The import holds ${pending.source} (${plural(pending.design.hosts.length, 'host')}).`}
      </p>
      <p>Replace swaps the design for the import; merge keeps it and adds the imported hosts, tunnels and flows,
        renaming ids that are taken. Either can be undone (Ctrl+Z). Cancel changes nothing.</p>
      {mergeError !== null && <p className="callout callout--warn" data-testid="import-merge-error">These cannot be merged: {mergeError}.</p>}
    </Modal>
  );
}
