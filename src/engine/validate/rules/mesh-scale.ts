import { numberHosts } from '../host-numbers';
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
    // Hosts numbered; union-find over integer arrays.
    const { ids, number } = numberHosts(design.hosts);
    const parent = new Int32Array(ids.length);
    for (let i = 0; i < parent.length; i++) parent[i] = i;
    const find = (x: number): number => {
      let root = x;
      while (parent[root] !== root) root = parent[root] as number;
      for (let y = x; y !== root; ) {
        const next = parent[y] as number;
        parent[y] = root;
        y = next;
      }
      return root;
    };
    for (const t of design.tunnels) {
      const a = number.get(t.a);
      const b = number.get(t.b);
      if (a !== undefined && b !== undefined) parent[find(a)] = find(b);
    }
    const size = new Int32Array(parent.length);
    const links = new Int32Array(parent.length);
    for (let i = 0; i < parent.length; i++) {
      const r = find(i);
      size[r] = (size[r] as number) + 1;
    }
    for (const t of design.tunnels) {
      const a = number.get(t.a);
      if (a === undefined || !number.has(t.b)) continue;
      const r = find(a);
      links[r] = (links[r] as number) + 1;
    }
    // Only a group past the threshold gets its host list.
    const groups = new Map<number, { hosts: string[]; tunnels: number }>();
    for (let i = 0; i < parent.length; i++) {
      // In the order of each group's first host, as the design lists them.
      const r = find(i);
      const n = size[r] as number;
      if (!groups.has(r) && n > MESH_MAX_HOSTS && (links[r] as number) >= MESH_DENSITY * ((n * (n - 1)) / 2)) {
        groups.set(r, { hosts: [], tunnels: links[r] as number });
      }
    }
    if (groups.size > 0) for (let i = 0; i < ids.length; i++) groups.get(find(i))?.hosts.push(ids[i] as string);
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
