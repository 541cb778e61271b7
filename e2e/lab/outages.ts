import type { FlowOutage } from './flow-watch';
import type { CheckGroup, CheckResult } from './results';

/** The day-2 promise: no declared flow is down for longer than this through a change. */
export const OUTAGE_LIMIT_MS = 1000;

/** One check per flow: up at the end, and never down for longer than `limitMs` (null: measured, not limited). */
export function outageResults(group: CheckGroup, change: string, outages: readonly FlowOutage[], limitMs: number | null = OUTAGE_LIMIT_MS): CheckResult[] {
  return outages.map((o) => ({
    group,
    label: `${change}: ${o.probe.label}${limitMs === null ? '' : `, down at most ${limitMs} ms`}`,
    ok: !o.downAtEnd && (limitMs === null || o.longestMs <= limitMs),
    detail: `longest outage ${o.longestMs} ms (${o.failed} of ${o.attempts} connects failed${o.errors ? `: ${o.errors}` : ''})${o.downAtEnd ? ', STILL DOWN at the end' : ''}`,
  }));
}

/** The longest outage of any flow through one change, for the lab's figures. */
export function longestOutage(outages: readonly FlowOutage[]): number {
  return outages.reduce((m, o) => Math.max(m, o.longestMs), 0);
}
