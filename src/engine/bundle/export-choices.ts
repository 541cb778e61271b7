import type { FirewallBackend } from '../render/install-script';
import { isQosBulkRate, QOS_BULK_MBIT } from './bundle-options';

/**
 * The export's choices, declared once: the CLI's `--firewall` and `--qos-bulk-mbit`, the worker's check of a page's
 * request and the export dialog all read these, so a new backend or a changed range is one edit here.
 */
export const FIREWALL_BACKENDS: ReadonlyArray<{ id: FirewallBackend; files: string }> = [
  { id: 'nftables', files: 'firewall.nft' },
  { id: 'iptables', files: 'firewall.iptables, iptables-restore -n' },
];

export function isFirewallBackend(value: unknown): value is FirewallBackend {
  return FIREWALL_BACKENDS.some((b) => b.id === value);
}

/** Why `value` is not a firewall backend, completing "<field> ...", or null. */
export function firewallProblem(value: unknown): string | null {
  return isFirewallBackend(value) ? null : `must be ${FIREWALL_BACKENDS.map((b) => b.id).join(' or ')}`;
}

/** Why `value` is not a bulk rate `qos.sh` accepts, completing "<field> ...", or null. */
export function qosRateProblem(value: unknown): string | null {
  return isQosBulkRate(value)
    ? null
    : `must be a whole number of Mbit/s from ${QOS_BULK_MBIT.min.toLocaleString('en-US')} to ${QOS_BULK_MBIT.max.toLocaleString('en-US')}`;
}
