import { useState } from 'react';
import { FIREWALL_BACKENDS, HOST_SETUPS, isFirewallBackend, isQosBulkRate, qosProblem, qosRateProblem } from '../../engine';
import type { HostSetup } from '../../engine';
import { DEFAULT_SECRETS_CHOICE } from './export-secrets';
import type { SecretsChoice } from './export-secrets';
import { ExportSecrets } from './ExportSecrets';

/** What the user chooses for a bundle in the export dialog: the same choices as the CLI's export flags. */
export interface ExportChoices {
  firewall: 'nftables' | 'iptables';
  /** `qos.sh` per host with bulk streams capped at this rate, or none. */
  qosMbit: number | null;
  /** The hosts' underlay upload rate that `qos.sh` shapes below (used while `qosMbit` is set). */
  qosLinkMbit: number;
  /** The canvas diagram as `docs/diagram.svg`, shown in the bundle README. */
  diagram: boolean;
  /** Where the keys go (plain, age, Vault), as typed. */
  secrets: SecretsChoice;
  /** systemd-networkd and cloud-init files beside wg-quick's; sent only with plain secrets (the worker checks). */
  hostSetups: readonly HostSetup[];
}

const QOS_DEFAULT_MBIT = 100;
const QOS_DEFAULT_LINK_MBIT = 1000;

export const DEFAULT_EXPORT_CHOICES: ExportChoices = { firewall: 'nftables', qosMbit: null, qosLinkMbit: QOS_DEFAULT_LINK_MBIT, diagram: true, secrets: DEFAULT_SECRETS_CHOICE, hostSetups: [] };

/**
 * The bundle's options. The rate fields keep what the user types; only a whole number from 1 to 100,000 (a bulk rate
 * not above the link) reaches the export, anything else is named as wrong beside the field and the last good rate
 * stays in force. Options stay
 * editable while a bundle is made: the dialog keeps only the latest one.
 */
export function ExportOptions({ value, secretsProblem, onChange }: {
  value: ExportChoices; secretsProblem: string | null; onChange: (next: ExportChoices) => void;
}) {
  const [rateText, setRateText] = useState(String(value.qosMbit ?? QOS_DEFAULT_MBIT));
  const [linkText, setLinkText] = useState(String(value.qosLinkMbit));
  const rate = parseRate(rateText);
  const link = parseRate(linkText);
  const above = rate !== null && link !== null ? qosProblem({ bulkRateMbit: rate, linkRateMbit: link }) : null;
  return (
    <fieldset className="export-options" data-testid="export-options">
      <label className="export-options__item">
        <span>Firewall</span>
        <select value={value.firewall} data-testid="export-firewall"
          onChange={(e) => onChange({ ...value, firewall: isFirewallBackend(e.target.value) ? e.target.value : 'nftables' })}>
          {FIREWALL_BACKENDS.map((b) => <option key={b.id} value={b.id}>{b.id} ({b.files})</option>)}
        </select>
      </label>
      <label className="check export-options__item">
        <input type="checkbox" checked={value.qosMbit !== null} data-testid="export-qos"
          onChange={(e) => onChange({ ...value, qosMbit: e.target.checked ? Math.min(rate ?? QOS_DEFAULT_MBIT, value.qosLinkMbit) : null })} />
        <span>QoS script (qos.sh): database ports first, bulk streams capped at</span>
      </label>
      <label className="export-options__item">
        <input type="text" inputMode="numeric" className="export-options__rate" value={rateText} data-testid="export-qos-rate"
          aria-label="Bulk rate in Mbit/s" aria-invalid={rate === null}
          onChange={(e) => {
            setRateText(e.target.value);
            const next = parseRate(e.target.value);
            const ok = next !== null && next <= value.qosLinkMbit;
            if (ok && value.qosMbit !== null) onChange({ ...value, qosMbit: next });
          }} />
        <span>Mbit/s</span>
        {rate === null && <span className="error-text" role="alert">Bulk rate {qosRateProblem(null)}</span>}
        {above && <span className="error-text" role="alert">Bulk rate {above.problem}</span>}
      </label>
      <label className="export-options__item">
        <span>shaped below an underlay link of</span>
        <input type="text" inputMode="numeric" className="export-options__rate" value={linkText} data-testid="export-qos-link"
          aria-label="Underlay link rate in Mbit/s" aria-invalid={link === null}
          onChange={(e) => {
            setLinkText(e.target.value);
            const next = parseRate(e.target.value);
            if (next !== null && (rate === null || rate <= next)) onChange({ ...value, qosLinkMbit: next });
          }} />
        <span>Mbit/s</span>
        {link === null && <span className="error-text" role="alert">Link rate {qosRateProblem(null)}</span>}
      </label>
      <label className="check export-options__item">
        <input type="checkbox" checked={value.diagram} data-testid="export-diagram"
          onChange={(e) => onChange({ ...value, diagram: e.target.checked })} />
        <span>Diagram (docs/diagram.svg in the README)</span>
      </label>
      {HOST_SETUPS.map((setup) => (
        <label key={setup.id} className="check export-options__item">
          <input type="checkbox" checked={value.hostSetups.includes(setup.id)} data-testid={`export-setup-${setup.id}`}
            disabled={value.secrets.mode !== 'plain'}
            onChange={(e) => onChange({
              ...value,
              hostSetups: e.target.checked ? [...value.hostSetups, setup.id] : value.hostSetups.filter((s) => s !== setup.id),
            })} />
          <span>Hosts set up by {setup.id} ({setup.files}){value.secrets.mode === 'plain' ? '' : ': needs plain keys'}</span>
        </label>
      ))}
      <ExportSecrets value={value.secrets} problem={secretsProblem} onChange={(secrets) => onChange({ ...value, secrets })} />
    </fieldset>
  );
}

function parseRate(text: string): number | null {
  if (!/^\s*\d{1,6}\s*$/.test(text)) return null;
  const n = Number(text);
  return isQosBulkRate(n) ? n : null;
}
