import { useEffect, useRef, useState } from 'react';
import { selectDesign } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { Modal } from '../ui/Modal';

const HOSTS_LIST = 'connect-hosts';

/**
 * "Connect A to B": a tunnel between two hosts named by typing, for designs where the 12 px handles are far
 * apart or small. A starts as the selected host; both fields suggest host ids as they are typed. A refusal (the same
 * host twice, a pair already joined, an unknown id) stays in the form.
 */
export function ConnectDialog() {
  const store = useAppStoreApi();
  const design = useApp(selectDesign);
  const [a, setA] = useState(() => store.getState().selection.hosts[0] ?? '');
  const [b, setB] = useState('');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const second = useRef<HTMLInputElement>(null);
  const close = () => store.getState().closeDialog();
  useEffect(() => {
    // After the modal has focused itself: into B when A is given, else into A.
    const t = setTimeout(() => (a === '' ? first : second).current?.focus());
    return () => clearTimeout(t);
    // Only on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const connect = () => {
    const r = store.getState().connectHosts(a.trim(), b.trim());
    if (r) setError(r.error);
    else close();
  };
  return (
    <Modal title="Connect two hosts with a tunnel" onClose={close} testId="connect-dialog"
      footer={<>
        <button type="button" className="btn" onClick={close}>Cancel</button>
        <button type="submit" form="connect-form" className="btn btn--primary" data-testid="connect-submit">Connect</button>
      </>}>
      <form id="connect-form" className="connect-form" onSubmit={(e) => { e.preventDefault(); connect(); }}>
        <label className="field">
          <span className="field__label">From host</span>
          <input ref={first} className="input mono" list={HOSTS_LIST} value={a} autoComplete="off" spellCheck={false}
            data-testid="connect-a" onChange={(e) => { setA(e.target.value); setError(null); }} />
        </label>
        <label className="field">
          <span className="field__label">To host</span>
          <input ref={second} className="input mono" list={HOSTS_LIST} value={b} autoComplete="off" spellCheck={false}
            placeholder="type an id" data-testid="connect-b" onChange={(e) => { setB(e.target.value); setError(null); }} />
        </label>
        <datalist id={HOSTS_LIST}>
          {design.hosts.map((h) => <option key={h.id} value={h.id}>{h.name === h.id ? h.role : h.name}</option>)}
        </datalist>
        {error && <p className="field__error" role="alert" data-testid="connect-error">{error}</p>}
      </form>
    </Modal>
  );
}
