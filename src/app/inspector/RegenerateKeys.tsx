import { keysMadeHere } from '../../engine';
import { useApp, useAppStoreApi } from '../store/store-context';
import { ConfirmButton } from '../ui/ConfirmButton';

/**
 * "Regenerate keys" for some hosts (all when `hostIds` is omitted), after a confirm: every peer of those hosts must
 * be given the new bundle. Only bundle-custody hosts count; a host that keeps its own key makes a new one itself.
 */
export function RegenerateKeys({ hostIds, label, testId }: { hostIds?: readonly string[]; label: string; testId?: string }) {
  const store = useAppStoreApi();
  const count = useApp((s) => {
    const d = s.history.present;
    const wanted = hostIds ? new Set(hostIds) : null;
    return d.hosts.filter((h) => (wanted === null || wanted.has(h.id)) && keysMadeHere(d, h)).length;
  });
  const hosts = count === 1 ? 'this host' : `these ${count} hosts`;
  return (
    <ConfirmButton label={label} confirmLabel="Regenerate" disabled={count === 0} testId={testId}
      title={count === 0 ? 'No host here has keys generated in the bundle: hosts that keep their own key rotate it themselves' : undefined}
      question={<>New keypairs for {hosts}. Their peers only accept the new keys once every one of them is given the new bundle: export and deploy again.</>}
      onConfirm={() => store.getState().regenerateKeys(hostIds)} />
  );
}
