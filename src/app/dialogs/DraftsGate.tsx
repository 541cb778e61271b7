import { useState } from 'react';
import type { ReactNode } from 'react';
import { pluralNoun } from '../../engine';
import { draftsLabel } from '../store/drafts';
import { useApp, useAppStoreApi } from '../store/store-context';
import { DraftList } from '../ui/DraftList';
import { Modal } from '../ui/Modal';

/**
 * Before a dialog that sends the design out (export, share, save): when fields hold text the design refused, says
 * so first. The user goes back to fix it, or goes on with the last valid values.
 */
export function DraftsGate({ action, children }: { action: string; children: ReactNode }) {
  const store = useAppStoreApi();
  const count = useApp((s) => Object.keys(s.drafts).length);
  const [goOn, setGoOn] = useState(false);
  if (count === 0 || goOn) return children;
  const close = () => store.getState().closeDialog();
  return (
    <Modal title={`${draftsLabel(count)}`} onClose={close} testId="drafts-gate"
      footer={<>
        <button type="button" className="btn" onClick={close} data-testid="drafts-gate-back">Go back and fix</button>
        <button type="button" className="btn btn--primary" onClick={() => setGoOn(true)} data-testid="drafts-gate-continue">
          {action} with the last valid values
        </button>
      </>}>
      <p>{count === 1 ? 'This field holds text' : 'These fields hold text'} the design refused. {action} would use the
        last valid {pluralNoun(count, 'value')} instead:</p>
      <DraftList onGo={close} />
    </Modal>
  );
}
