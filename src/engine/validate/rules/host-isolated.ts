import type { Finding } from '../finding';
import type { Rule } from '../rule';

/** A host with no tunnel reaches nothing and nothing reaches it; its bundle would bring up an interface with no peer. */
export const hostIsolated: Rule = {
  id: 'host-isolated',
  codes: ['host-no-tunnel'],
  run({ design, index, label }) {
    return design.hosts.filter((h) => index.tunnelsOf(h.id).length === 0).map((h): Finding => ({
      code: 'host-no-tunnel',
      severity: 'warning',
      message: `${label(h.id)} has no tunnel: it reaches nothing and nothing reaches it. Draw a tunnel to a gateway or to the hosts it talks to.`,
      subjects: { hosts: [h.id] },
    }));
  },
};
