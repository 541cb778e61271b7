import type { Finding } from '../validate/finding';
import { formatDriftFinding } from './format-finding';
import type { DriftFinding } from './types';

/**
 * Drift as the designer's findings: code `drift-<what>`, about the host and the tunnel to the peer, so the canvas
 * marks them as it marks the design's own findings (a tunnel missing live turns red). A stale handshake and a folder
 * of an unknown host are warnings: the first may be a quiet tunnel, the second an old host's leftovers.
 */
export function driftAsFindings(findings: readonly DriftFinding[], hostIds: ReadonlySet<string>): Finding[] {
  return findings.map((f) => ({
    code: `drift-${f.what}`,
    severity: f.what === 'handshake-stale' || f.what === 'host-unknown' ? 'warning' : 'error',
    message: `Live: ${formatDriftFinding(f)}`,
    subjects: {
      ...(hostIds.has(f.host) ? { hosts: [f.host] } : {}),
      ...(f.tunnel !== null ? { tunnels: [f.tunnel] } : {}),
    },
  }));
}
