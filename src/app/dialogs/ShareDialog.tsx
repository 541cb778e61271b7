import { useMemo } from 'react';
import { encodeShareFragment, formatFieldError, hasSecrets, shareLinkWarning } from '../../engine';
import { selectDesign } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { CopyButton } from '../ui/CopyButton';
import { Modal } from '../ui/Modal';

/** The share link: the design without any key, compressed into the URL fragment (which no server ever sees). */
export function ShareDialog() {
  const store = useAppStoreApi();
  const design = useApp(selectDesign);
  const link = useMemo(() => {
    const r = encodeShareFragment(design);
    if (!r.ok) return { error: r.errors.map(formatFieldError).join('; ') };
    const url = new URL(window.location.href);
    url.hash = r.value;
    const text = url.toString();
    return { url: text, warning: shareLinkWarning(text.length) };
  }, [design]);
  const close = () => store.getState().closeDialog();
  return (
    <Modal title="Share this design" onClose={close} testId="share-dialog" footer={<button type="button" className="btn" onClick={close}>Close</button>}>
      {'error' in link ? <p className="error-text" role="alert">{link.error}</p> : (
        <>
          <p>Anyone with this link opens a copy of the design, editable. The design travels in the part of the link after{' '}
            <code>#</code>, which browsers never send to a server.</p>
          <div className="share-link">
            <input className="input mono" readOnly value={link.url} data-testid="share-url" aria-label="Share link"
              onFocus={(e) => e.currentTarget.select()} />
            <CopyButton text={link.url} label="Copy link" testId="copy-share-link" />
          </div>
          {link.warning === null
            ? <p className="muted">{link.url.length.toLocaleString('en-US')} characters.</p>
            : <p className="callout callout--warn" role="status" data-testid="share-long">{link.warning}</p>}
        </>
      )}
      <p className="callout">
        <b>No keys are in the link.</b>{' '}
        {hasSecrets(design) ? 'This design holds private or preshared keys in this tab; they were left out. ' : ''}
        Whoever opens it generates new keys, or each host brings its own.
      </p>
    </Modal>
  );
}
