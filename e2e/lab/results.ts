/** The groups of checks, one table column each. */
export type CheckGroup = 'tunnel' | 'flow' | 'denial' | 'mtu' | 'nat' | 'reinstall' | 'rotation' | 'failover' | 'keys' | 'drift' | 'prove';

/** One check's outcome; `label` says what was tried, `detail` what happened. */
export interface CheckResult {
  group: CheckGroup;
  label: string;
  ok: boolean;
  detail: string;
}

/** Everything one design gave: its checks, or the error that stopped it (setup, deploy). */
export interface DesignResult {
  design: string;
  hosts: number;
  seconds: number;
  results: CheckResult[];
  /** Set when the design could not be brought up or checked to the end: the design fails. */
  error: string | null;
  /** Scripts the bundle does not have yet, so their checks could not run (e.g. failover). */
  notPresent: CheckGroup[];
  /** The longest flow outage through each day-2 change, in ms, by change. */
  outages: Record<string, number>;
}

export function passed(d: DesignResult): boolean {
  return d.error === null && d.results.every((r) => r.ok);
}
