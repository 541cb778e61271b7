import type { KeyCustody } from '../../engine';
import { SelectField } from './fields';

/** The words for each custody, as the inspector and the findings say them. */
export const CUSTODY_LABEL: Record<KeyCustody, string> = {
  bundle: 'Generated here, shipped in the bundle',
  host: 'Kept by the host',
};

const NETWORK_OPTIONS = (['bundle', 'host'] as const).map((value) => ({ value, label: CUSTODY_LABEL[value] }));

/** A host's key custody: its own, or the network default (named, so the user sees what "default" means now). */
export function HostCustodyField({ value, networkDefault, commit }: {
  value: KeyCustody | null;
  networkDefault: KeyCustody;
  commit: (keys: KeyCustody | null) => string | null;
}) {
  const options = [{ value: 'default' as const, label: `Network default (${networkDefault})` }, ...NETWORK_OPTIONS];
  return (
    <SelectField<KeyCustody | 'default'> label="Key custody" value={value ?? 'default'} options={options} testId="field-keys"
      hint="Who holds the private key: this page puts it in the host's bundle folder, or the host makes its own and only its public key is here."
      commit={(v) => commit(v === 'default' ? null : v)} />
  );
}

/** The network's default key custody, for every host that does not set its own. */
export function NetworkCustodyField({ value, commit }: { value: KeyCustody; commit: (keys: KeyCustody) => string | null }) {
  return (
    <SelectField<KeyCustody> label="Key custody (default for every host)" value={value} options={NETWORK_OPTIONS} testId="field-network-keys"
      hint="Kept by the host: each host generates its key at install and only public keys live in the design." commit={commit} />
  );
}
