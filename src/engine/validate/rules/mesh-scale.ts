import type { Finding } from '../finding';
import type { Rule } from '../rule';

/** Above this many hosts a (nearly) full mesh is reported. */
export const MESH_MAX_HOSTS = 10;
/** A group of hosts with at least this share of all possible tunnels counts as a full mesh. */
const MESH_DENSITY = 0.9;

/**
 * A (nearly) full mesh past MESH_MAX_HOSTS hosts. WireGuard has no peer discovery: n hosts need n(n-1)/2 tunnels,
 * every new host means a change to every other host's config, and each host keeps n-1 handshakes alive. Past a
 * handful of hosts the field moves to hub-and-spoke (a few gateways that route), which the designer plans the same
 * way. Connected groups by union-find: O(hosts + tunnels).
 */
export const meshScale: Rule = {
  id: 'mesh-scale',
  codes: ['mesh-too-large'],
  run({ design, label }) {
    const parent = new Map<string, string>(design.hosts.map((h) => [h.id, h.id]));
    const find = (x: string): string => {
      let root = x;
      while (parent.get(root) !== root) root = parent.get(root) ?? root;
      for (let y = x; y !== root; ) {
        const next = parent.get(y) ?? root;
        parent.set(y, root);
        y = next;
      }
      return root;
    };
    for (const t of design.tunnels) parent.set(find(t.a), find(t.b));
    const groups = new Map<string, { hosts: string[]; tunnels: number }>();
    for (const h of design.hosts) {
      const g = groups.get(find(h.id)) ?? { hosts: [], tunnels: 0 };
      g.hosts.push(h.id);
      groups.set(find(h.id), g);
    }
    for (const t of design.tunnels) {
      const g = groups.get(find(t.a));
      if (g) g.tunnels++;
    }
    const out: Finding[] = [];
    for (const { hosts, tunnels } of groups.values()) {
      const n = hosts.length;
      const full = (n * (n - 1)) / 2;
      if (n <= MESH_MAX_HOSTS || tunnels < MESH_DENSITY * full) continue;
      out.push({
        code: 'mesh-too-large',
        severity: 'warning',
        message: `${n} hosts (${label(hosts[0] ?? '')} and ${n - 1} more) form a ${tunnels === full ? 'full' : 'nearly full'} mesh of ${tunnels} tunnels: each host keeps ${n - 1} peers, and every new host changes every other host's config. Past ${MESH_MAX_HOSTS} hosts, prefer hub-and-spoke: one or two gateways that route between the hosts.`,
        subjects: { hosts },
      });
    }
    return out;
  },
};
