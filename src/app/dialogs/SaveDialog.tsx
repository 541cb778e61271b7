import { useState } from 'react';
import { hasSecrets, publicDesign } from '../../engine';
import { downloadBlob, fileStem } from '../files/download';
import { selectDesign } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { Modal } from '../ui/Modal';

/** Downloads the design as JSON: without keys unless the user asks, with a plain warning when they do. */
export function SaveDialog() {
  const store = useAppStoreApi();
  const design = useApp(selectDesign);
  const [withKeys, setWithKeys] = useState(false);
  const secrets = hasSecrets(design);
  const close = () => store.getState().closeDialog();
  const save = () => {
    const out = withKeys ? design : publicDesign(design);
    downloadBlob(`${JSON.stringify(out, null, 2)}\n`, `${fileStem(design.name)}${withKeys ? '.with-keys' : ''}.json`, 'application/json');
    close();
  };
  return (
    <Modal title="Download the design as JSON" onClose={close} testId="save-dialog"
      footer={<>
        <button type="button" className="btn" onClick={close}>Cancel</button>
        <button type="button" className="btn btn--primary" onClick={save} data-testid="save-json">Download JSON</button>
      </>}>
      <p>The file is a <code>wg-designer/1</code> design: open it here again, or use it with the CLI and keep it in git.</p>
      <label className="check">
        <input type="checkbox" checked={withKeys} disabled={!secrets} onChange={(e) => setWithKeys(e.target.checked)} data-testid="save-with-keys" />
        <span>Include private and preshared keys</span>
      </label>
      {withKeys
        ? <p className="callout callout--warn">Anyone who gets this file can impersonate your hosts. Keep it out of git, chat and mail.</p>
        : <p className="muted">{secrets ? 'Keys are left out: export the bundle to deploy them.' : 'This design holds no private keys.'}</p>}
    </Modal>
  );
}
