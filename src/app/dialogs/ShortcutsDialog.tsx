import { useAppStoreApi } from '../store/store-context';
import { Modal } from '../ui/Modal';
import { SHORTCUTS } from '../toolbar/shortcuts';

export function ShortcutsDialog() {
  const store = useAppStoreApi();
  return (
    <Modal title="Keyboard shortcuts" onClose={() => store.getState().closeDialog()}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}><td><kbd>{keys}</kbd></td><td>{what}</td></tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
