import type { Host } from '../../model/design';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { listText } from '../text';

/**
 * Two hosts with one endpoint. An endpoint is one UDP socket: peers dialling either host reach the same machine,
 * which answers only for its own key. (Hosts behind one NAT share its address, but each needs its own port.)
 */
export const endpointDuplicate: Rule = {
  id: 'endpoint-duplicate',
  codes: ['endpoint-duplicate'],
  run({ design, index, label }) {
    const byEndpoint = new Map<string, Host[]>();
    for (const h of design.hosts) {
      const key = index.parsed(h.id)?.endpoint ?? null;
      if (key === null) continue;
      const list = byEndpoint.get(key) ?? [];
      list.push(h);
      byEndpoint.set(key, list);
    }
    const out: Finding[] = [];
    for (const [endpoint, hosts] of byEndpoint) {
      if (hosts.length < 2) continue;
      out.push({
        code: 'endpoint-duplicate',
        severity: 'error',
        message: `${listText(hosts.map((h) => label(h.id)))} share the endpoint ${endpoint}: it is one UDP socket, so peers dialling any of them reach the same machine and the others never handshake. Behind one NAT, forward a different port to each.`,
        subjects: { hosts: hosts.map((h) => h.id) },
      });
    }
    return out;
  },
};
