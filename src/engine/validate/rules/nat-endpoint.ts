import type { Finding, Fix } from '../finding';
import type { Rule } from '../rule';
import { listText } from '../text';

/**
 * A host marked behind NAT that still has an endpoint. Every peer's config dials that endpoint, but a NAT lets in
 * only what answers a mapping the host opened itself, unless it forwards the port (a DNAT rule to this host). Without
 * a forward the peers' handshakes are dropped until the host happens to dial them first. A warning, since a port
 * forward is a real setup: the finding says which it must be. The fix clears the endpoint (the host dials out and
 * keeps the mapping open), offered only when every peer has an endpoint to be dialled at; the alternative says the
 * endpoint is the host's own address and it is not behind NAT.
 */
export const natEndpoint: Rule = {
  id: 'nat-endpoint',
  codes: ['nat-endpoint'],
  run({ design, index, label }) {
    const out: Finding[] = [];
    for (const host of design.hosts) {
      if (!host.behindNat || host.endpoint === null) continue;
      const peers = index.tunnelsOf(host.id).map((t) => (t.tunnel.a === host.id ? t.tunnel.b : t.tunnel.a));
      if (peers.length === 0) continue;
      const parsed = index.parsed(host.id);
      const endpoint = parsed?.endpoint ?? host.endpoint;
      const port = parsed?.endpointPort ? `UDP port ${parsed.endpointPort}` : 'the UDP port';
      const clear: Fix = { label: `Clear the endpoint of ${label(host.id)}: it dials its peers`, changes: [{ target: 'host', id: host.id, set: { endpoint: null } }] };
      const direct: Fix = { label: `${label(host.id)} is not behind NAT: peers dial ${endpoint}`, changes: [{ target: 'host', id: host.id, set: { behindNat: false } }] };
      // Cleared, a tunnel whose far end has no endpoint either could never be opened (tunnel-handshake).
      const canDialOut = peers.every((p) => (index.host(p)?.endpoint ?? null) !== null);
      out.push({
        code: 'nat-endpoint',
        severity: 'warning',
        message: `${label(host.id)} is marked behind NAT but has the endpoint ${endpoint}, so ${listText(peers.map(label))} dial it there. Through a NAT that works only if it forwards ${port} to this host; if not, their handshakes are dropped. Clear the endpoint (the host then dials out and keeps the mapping open with PersistentKeepalive), or untick "behind NAT" if the endpoint is its own address.`,
        subjects: { hosts: [host.id, ...peers] },
        ...(canDialOut ? { fix: clear, alternative: direct } : { fix: direct }),
      });
    }
    return out;
  },
};
