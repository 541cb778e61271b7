import { formatAddress, parseAddress } from '../../net';
import type { Finding } from '../finding';
import type { Rule } from '../rule';

/**
 * Two services behind one gateway on the same address and port: one socket cannot be two databases, so flows meant
 * for one reach the other. (Two services on one port at different addresses are normal: two RDS instances.)
 */
export const portDuplicate: Rule = {
  id: 'port-duplicate',
  codes: ['port-duplicate'],
  run({ design, label }) {
    const out: Finding[] = [];
    for (const h of design.hosts) {
      if (h.services.length < 2) continue;
      const seen = new Map<string, string>();
      for (const s of h.services) {
        const key = `${formatAddress(parseAddress(s.address))}:${s.port}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, s.id);
          continue;
        }
        out.push({
          code: 'port-duplicate',
          severity: 'error',
          message: `Services ${first} and ${s.id} behind ${label(h.id)} both listen on ${key}: one socket cannot be two services, so flows to one would reach the other. Correct the address or port of one.`,
          subjects: { hosts: [h.id] },
        });
      }
    }
    return out;
  },
};
