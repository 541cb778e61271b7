import { documentationRangeOf, isDocumentationName, readEndpoint } from '../../net';
import type { Finding } from '../finding';
import type { Rule } from '../rule';

/**
 * An endpoint that is an example, not a host: an address in a documentation range (RFC 5737 192.0.2.0/24,
 * 198.51.100.0/24, 203.0.113.0/24; RFC 3849 2001:db8::/32) or a name under a reserved one (RFC 2606/6761:
 * example, example.com/.net/.org, test, invalid). Nobody's peer answers there, so the tunnel never comes up.
 * A warning, not an error: a lab or a test network may really use these ranges.
 */
export const endpointDocumentation: Rule = {
  id: 'endpoint-documentation',
  codes: ['endpoint-documentation'],
  run({ design, label }) {
    const out: Finding[] = [];
    for (const h of design.hosts) {
      if (h.endpoint === null) continue;
      const e = readEndpoint(h.endpoint);
      if (typeof e === 'string') continue;
      const range = documentationRangeOf(e);
      const reserved = e.kind === 'dns' && isDocumentationName(e.host);
      if (range === null && !reserved) continue;
      const what = range !== null ? `is in the documentation range ${range}` : 'is under a name reserved for examples (RFC 2606/6761)';
      out.push({
        code: 'endpoint-documentation',
        severity: 'warning',
        message: `The endpoint ${h.endpoint} of ${label(h.id)} ${what}: no real host answers there, so peers that dial it never handshake. Replace it with the host's real address or name and port, unless this network really runs on it (a lab).`,
        subjects: { hosts: [h.id] },
      });
    }
    return out;
  },
};
