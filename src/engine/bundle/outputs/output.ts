import type { HostPlan, Plan } from '../../plan/types';
import type { BundleFile } from '../bundle-file';
import type { BundleOptions } from '../bundle-options';

/** What every output sees: the plan, the options the user chose, and where keys go (wg0.conf or host secrets). */
export interface BundleContext {
  plan: Plan;
  options: BundleOptions;
  /** `external` in every secrets mode but plain: no key in any wg0.conf, install.sh gets them from the host's secrets. */
  secrets: 'inline' | 'external';
}

/**
 * One kind of file (or set of files) in the bundle. `network` gives the files written once per bundle; `host` is
 * called once per bundle and gives the function that writes each managed host's files (so an output can index the
 * plan once, not once per host). `when` leaves the output out for options that do not ask for it.
 */
export interface Output {
  id: string;
  when?: (options: BundleOptions) => boolean;
  network?: (ctx: BundleContext) => BundleFile[];
  host?: (ctx: BundleContext) => (hp: HostPlan) => BundleFile[];
}
