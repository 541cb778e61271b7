import type { LabBundle } from './bundle';
import type { LabChecks } from './expectations';
import type { LabHost } from './handshakes';
import type { LabServers } from './lab-servers';
import type { Namespaces } from '../../src/cli/prove/netns';
import type { CheckResult } from './results';
import type { NsOf } from './run-probes';
import type { Underlay } from '../../src/cli/prove/underlay';
import type { UnderlayPlan } from '../../src/cli/prove/underlay-plan';

/**
 * A design running in the lab, as the day-2 checks change it: each check may replace the bundle (a new export),
 * the hosts (re-installed, added) and the checks (a new design), and hands the result to the next one.
 */
export interface RunningDesign {
  cli: string;
  workDir: string;
  nss: Namespaces;
  bundle: LabBundle;
  plan: UnderlayPlan;
  underlay: Underlay;
  /** host id -> its namespace; the lab's namespace resolver reads it, so an added host is found. */
  hostNs: Map<string, string>;
  hosts: Map<string, LabHost>;
  checks: LabChecks;
  nsOf: NsOf;
  /** The design's databases: a new bundle's pg_hba.conf is applied to them as an operator would (reload). */
  servers: LabServers;
  log: (s: string) => void;
}

/** What one day-2 check gave: its checks, the longest outage of each change it made (ms), and the design after. */
export interface DayTwoResult {
  results: CheckResult[];
  figures: Record<string, number>;
  present: boolean;
}
