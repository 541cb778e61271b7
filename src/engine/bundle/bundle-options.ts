import type { FirewallBackend } from '../render/install-script';
import type { Finding } from '../validate/finding';
import { PLAIN_SECRETS } from '../secrets/secrets-options';
import type { SecretsOptions } from '../secrets/secrets-options';

/** What the export dialog and the CLI let the user choose. */
export interface BundleOptions {
  firewall: FirewallBackend;
  /** `qos.sh` per host and its systemd unit: database traffic first, bulk streams capped, shaped below the link rate. */
  qos: QosOptions | null;
  /** Findings open at export time, listed in the bundle README. */
  findings: readonly Finding[];
  /** The diagram exported from the UI as SVG, put beside the Mermaid source in docs/. */
  diagram: { svg: string } | null;
  /** Where private and preshared keys go: in wg0.conf (plain) or a per-host secrets entry (secrets-options.ts). */
  secrets: SecretsOptions;
  /**
   * How hosts are configured besides wg-quick (install.sh): `networkd` adds `<host>/networkd/` (wg0.netdev,
   * wg0.network), `cloud-init` adds `<host>/cloud-init/user-data`. Empty: the bundle as it always was.
   */
  hostSetups: readonly HostSetup[];
}

/** The ways of configuring a host that the bundle can add to wg-quick's install.sh (export-choices.ts lists them). */
export type HostSetup = 'networkd' | 'cloud-init';

/** The two rates QoS needs, in Mbit/s: the hosts' underlay link (the queue must form below it) and the bulk cap. */
export interface QosOptions {
  /** Replication catch-up and backups never take more than this. */
  bulkRateMbit: number;
  /** The underlay's upload rate: qos.sh shapes at 95 % of it, so the queue is ours and not the modem's. */
  linkRateMbit: number;
}

export const DEFAULT_BUNDLE_OPTIONS: BundleOptions = { firewall: 'nftables', qos: null, findings: [], diagram: null, secrets: PLAIN_SECRETS, hostSetups: [] };

/** The bulk and link rates `qos.sh` accepts, in Mbit/s: the CLI flag, the worker request and the export dialog check these. */
export const QOS_BULK_MBIT = { min: 1, max: 100_000 } as const;

/** True for a whole number of Mbit/s within QOS_BULK_MBIT. */
export function isQosBulkRate(rate: unknown): rate is number {
  return Number.isInteger(rate) && (rate as number) >= QOS_BULK_MBIT.min && (rate as number) <= QOS_BULK_MBIT.max;
}
