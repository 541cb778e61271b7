import type { FlowOutage } from './flow-watch';

/** What one host's cut-over.log says: when its `wg set` was done, and which peers needed a fresh entry. */
export interface CutOver {
  host: string;
  /** ms after the scheduled instant that the host's new keys were live; null if the log has no cut-over line. */
  lateMs: number | null;
  /** Peers whose handshake had not come after a wait, one entry per retry, with when (`pg-1 T+250`). */
  retries: string[];
}

/** Reads a cut-over.log (`cut over at <UTC ns> (scheduled <UTC>)`, `no handshake with <peer> at T+<ms> ms: ...`). */
export function parseCutOverLog(host: string, log: string): CutOver {
  const m = /^cut over at (\S+) \(scheduled (\S+)\)$/m.exec(log);
  const lateMs = m ? epochMs(m[1] ?? '') - Date.parse(m[2] ?? '') : null;
  const retries = [...log.matchAll(/^no handshake with ([a-z0-9-]+) at (T\+\d+) ms/gm)].map((r) => `${r[1] ?? ''} ${r[2] ?? ''}`);
  return { host, lateMs: lateMs === null || Number.isNaN(lateMs) ? null : Math.round(lateMs), retries };
}

/** `date +%FT%T.%NZ` to ms since the epoch; Date.parse reads at most milliseconds, so the fraction is cut to 3. */
function epochMs(text: string): number {
  return Date.parse(text.replace(/\.(\d{3})\d*Z$/, '.$1Z'));
}

/**
 * One line that puts a rotation's outages beside its cut-overs, relative to the scheduled instant T: when each
 * host's keys went live, which handshakes were retried, and when each interrupted flow was down. A flow down long
 * after the last cut-over points at the handshake; one down from a late host's cut-over points at the clock.
 */
export function cutOverTimeline(at: string, cutOvers: readonly CutOver[], outages: readonly FlowOutage[]): string {
  const t = Date.parse(at);
  const rel = (ms: number) => `T${ms >= 0 ? '+' : ''}${Math.round(ms)}`;
  const hosts = [...cutOvers].sort((a, b) => (a.lateMs ?? Infinity) - (b.lateMs ?? Infinity))
    .map((c) => `${c.host} ${c.lateMs === null ? 'no cut-over line' : rel(c.lateMs)}${c.retries.length > 0 ? ` (retried ${c.retries.join(', ')})` : ''}`);
  const down = outages.filter((o) => o.window !== null)
    .map((o) => `${o.probe.label} ${rel((o.window?.from ?? t) - t)}..${rel((o.window?.to ?? t) - t)} ms`);
  return `cut-overs: ${hosts.join('; ')}. Flows down: ${down.length > 0 ? down.join('; ') : 'none'}`;
}
