import type { FirewallBackend } from '../render/install-script';
import { isQosBulkRate, QOS_BULK_MBIT } from './bundle-options';
import type { HostSetup, QosOptions } from './bundle-options';

/**
 * The export's choices, declared once: the CLI's `--firewall`, `--qos-bulk-mbit` and `--qos-link-mbit`, the worker's check of a page's
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

/** The `--host-setup` a bundle can add to wg-quick: each is an output (outputs/networkd.ts, outputs/cloud-init.ts). */
export const HOST_SETUPS: ReadonlyArray<{ id: HostSetup; files: string }> = [
  { id: 'networkd', files: 'networkd/wg0.netdev, wg0.network' },
  { id: 'cloud-init', files: 'cloud-init/user-data' },
];

export function isHostSetup(value: unknown): value is HostSetup {
  return HOST_SETUPS.some((k) => k.id === value);
}

/**
 * Why `setups` cannot be the bundle's host setups, completing "<field> ...", or null: each must be a known one, and
 * they need the keys in the bundle's own files (`plain` secrets), since neither networkd nor cloud-init can open a
 * host's secrets.age or ask Vault.
 */
export function hostSetupsProblem(setups: unknown, secretsMode: string): string | null {
  const names = HOST_SETUPS.map((k) => k.id).join(' or ');
  if (!Array.isArray(setups)) return `must be a list, each ${names}`;
  const unknown = setups.find((k) => !isHostSetup(k));
  if (unknown !== undefined) return `has an unknown setup "${String(unknown)}": each must be ${names}`;
  if (setups.length > 0 && secretsMode !== 'plain') return `need the keys in the bundle (secrets plain), not ${secretsMode}: networkd and cloud-init cannot read the host secrets`;
  return null;
}

/**
 * The first problem of a QoS choice and the field it is in, or null: each rate must be a rate `qos.sh` accepts, and
 * the bulk cap cannot be above the link it is a share of.
 */
export function qosProblem(qos: { [K in keyof QosOptions]: unknown }): { field: keyof QosOptions; problem: string } | null {
  const link = qosRateProblem(qos.linkRateMbit);
  if (link) return { field: 'linkRateMbit', problem: link };
  const bulk = qosRateProblem(qos.bulkRateMbit);
  if (bulk) return { field: 'bulkRateMbit', problem: bulk };
  if ((qos.bulkRateMbit as number) > (qos.linkRateMbit as number)) {
    return { field: 'bulkRateMbit', problem: `must not be above the link rate (${String(qos.linkRateMbit)} Mbit/s)` };
  }
  return null;
}
