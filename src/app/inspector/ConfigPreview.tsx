import { useMemo, useState } from 'react';
import { renderNftables, renderWgQuick } from '../../engine';
import { selectAnalysisPending, selectDesign, selectPlan } from '../store/selectors';
import { useApp } from '../store/store-context';
import { CopyButton } from '../ui/CopyButton';

type Tab = 'wg' | 'nft';

/** The host's generated wg0.conf and firewall, re-rendered on every edit; the private key is masked until asked. */
export function ConfigPreview({ hostId }: { hostId: string }) {
  const plan = useApp(selectPlan);
  const pending = useApp(selectAnalysisPending);
  const name = useApp(selectDesign).name;
  const [tab, setTab] = useState<Tab>('wg');
  const [reveal, setReveal] = useState(false);
  const hp = plan?.byId.get(hostId);
  const text = useMemo(() => {
    if (!hp) return null;
    return tab === 'wg'
      ? renderWgQuick(hp, { privateKey: reveal ? 'include' : 'mask', designName: name })
      : renderNftables(hp);
  }, [hp, tab, reveal, name]);
  return (
    <section className="inspector__section preview" data-testid="config-preview">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'wg'} className="tab" onClick={() => setTab('wg')} data-testid="tab-wg">wg0.conf</button>
        <button type="button" role="tab" aria-selected={tab === 'nft'} className="tab" onClick={() => setTab('nft')} data-testid="tab-nft">firewall.nft</button>
        <span className="tabs__spacer" />
        {tab === 'wg' && hp?.host.privateKey && (
          <label className="check check--small">
            <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} data-testid="reveal-key" />
            <span>Show private key</span>
          </label>
        )}
        {text && <CopyButton text={text} label="Copy" />}
      </div>
      {text === null
        ? <p className="muted">{pending ? 'Checking the design…' : 'No plan: fix the errors in the findings panel first.'}</p>
        : <pre className="code" data-testid="config-text" tabIndex={0}>{text}</pre>}
    </section>
  );
}
