import { selectDesign } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { Modal } from '../ui/Modal';
import { importQuestion } from './import-question';

/**
 * Asked before an import, a template, a blank design or a share link lands on a design that has hosts: replace it,
 * add the import as new hosts (files and templates), or cancel (keep this design).
 */
export function ImportDialog() {
  const store = useAppStoreApi();
  const pending = useApp((s) => s.pendingImport);
  const current = useApp(selectDesign);
  const resolve = (choice: 'replace' | 'merge' | 'cancel') => store.getState().resolveImport(choice);
  if (!pending) return null;
  const { mergeError } = pending;
  const q = importQuestion({ name: current.name, hosts: current.hosts.length }, pending);
  return (
    <Modal title={q.title} onClose={() => resolve('cancel')} testId="import-dialog"
      footer={<>
        <button type="button" className="btn" onClick={() => resolve('cancel')} data-testid="import-cancel">{q.cancel}</button>
        {q.merge && <button type="button" className="btn" disabled={mergeError !== null} onClick={() => resolve('merge')} data-testid="import-merge"
          title={mergeError === null ? 'Keep this design and add the imported hosts beside it' : `Cannot merge: ${mergeError}`}>Merge as new hosts</button>}
        <button type="button" className="btn btn--primary" onClick={() => resolve('replace')} data-testid="import-replace">{q.replace}</button>
      </>}>
      <p data-testid="import-question">{q.lead}</p>
      <p>{q.explain}</p>
      {q.merge && mergeError !== null && <p className="callout callout--warn" data-testid="import-merge-error">These cannot be merged: {mergeError}.</p>}
    </Modal>
  );
}
