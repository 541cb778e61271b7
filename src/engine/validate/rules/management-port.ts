import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { listText } from '../text';

/** Ports to offer instead, in order: SSH's own, then its usual alternative. */
const CANDIDATES = [22, 2222, 22022];

/**
 * The management port equal to a database's port. Every firewall accepts the management port from anywhere before
 * it drops the rest (so SSH survives a mistake), which would open the database to the underlay: the very thing
 * the tunnel is there to prevent.
 */
export const managementPort: Rule = {
  id: 'management-port',
  codes: ['management-port-conflict'],
  run({ design, label }) {
    const port = design.network.managementPort;
    const clashing = design.hosts.filter((h) => h.database?.port === port);
    if (clashing.length === 0) return [];
    const used = new Set(design.hosts.flatMap((h) => (h.database ? [h.database.port] : [])));
    const other = CANDIDATES.find((p) => !used.has(p));
    const finding: Finding = {
      code: 'management-port-conflict',
      severity: 'error',
      message: `The management port ${port} is the database port of ${listText(clashing.map((h) => label(h.id)))}: every firewall accepts the management port from anywhere, so the database would be open to the underlay. Use another management port.`,
      subjects: { hosts: clashing.map((h) => h.id) },
    };
    if (other !== undefined) {
      finding.fix = { label: `Set the management port to ${other}`, changes: [{ target: 'network', set: { managementPort: other } }] };
    }
    return [finding];
  },
};
