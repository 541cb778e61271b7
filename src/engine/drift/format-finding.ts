import type { DriftFinding } from './types';

/** One line for a terminal or a tooltip: `app-1 peer pg-primary (tunnel t1): allowed-ips: expected ..., live ...`. */
export function formatDriftFinding(f: DriftFinding): string {
  const about = f.peer !== null ? ` peer ${f.peer}${f.tunnel !== null ? ` (tunnel ${f.tunnel})` : ''}` : '';
  return `${f.host}${about}: ${f.what}: expected ${f.expected}; live ${f.actual}`;
}
