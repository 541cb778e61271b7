import type { Design, Finding, Role } from '../../engine';

/** How a role reads in the search (what the card's tag says, and the design file's word). */
const ROLE_WORDS: Record<Role, string> = { db: 'db database', app: 'app host', gateway: 'gateway', client: 'client admin' };

export interface HostMatch {
  id: string;
  name: string;
  /** What matched, when it is not the id or the name: "10.11.0.173/32", "finding mtu-above-tunnel", "gateway". */
  why: string | null;
}

export interface SearchResult {
  /** The best matches, at most `limit`. */
  matches: HostMatch[];
  /** Every host that matched. */
  total: number;
  /** The ids of every host that matched (the canvas dims the others). */
  ids: ReadonlySet<string>;
}

/**
 * Hosts whose id, name, role, overlay address or finding code contains the query (case-insensitive). An exact id
 * or name comes first, then ids and names that start with it, then the rest; each group in id order, numbers
 * compared as numbers (app-2 before app-10).
 */
export function searchHosts(design: Design, findings: readonly Finding[], query: string, limit = 8): SearchResult {
  const q = query.trim().toLowerCase();
  if (q === '') return { matches: [], total: 0, ids: new Set() };
  const codes = findingCodesByHost(design, findings);
  const scored: Array<{ m: HostMatch; score: number }> = [];
  for (const h of design.hosts) {
    const id = h.id.toLowerCase();
    const name = h.name.toLowerCase();
    const score = id === q || name === q ? 0 : id.startsWith(q) || name.startsWith(q) ? 1 : id.includes(q) || name.includes(q) ? 2 : 3;
    let why: string | null = null;
    if (score === 3) {
      why = h.addresses.find((a) => a.toLowerCase().includes(q))
        ?? [...(codes.get(h.id) ?? [])].map((c) => `finding ${c}`).find((c) => c.includes(q))
        ?? (ROLE_WORDS[h.role].includes(q) ? ROLE_WORDS[h.role].split(' ').slice(-1)[0] ?? h.role : null);
      if (why === null) continue;
    }
    scored.push({ m: { id: h.id, name: h.name, why }, score });
  }
  const byId = new Intl.Collator(undefined, { numeric: true });
  scored.sort((a, b) => a.score - b.score || byId.compare(a.m.id, b.m.id));
  return { matches: scored.slice(0, limit).map((s) => s.m), total: scored.length, ids: new Set(scored.map((s) => s.m.id)) };
}

/** The codes of the findings that name each host, directly or through a tunnel or flow of it. */
function findingCodesByHost(design: Design, findings: readonly Finding[]): Map<string, Set<string>> {
  const ends = new Map<string, string[]>();
  for (const t of design.tunnels) ends.set(`t:${t.id}`, [t.a, t.b]);
  for (const f of design.flows) ends.set(`f:${f.id}`, [f.from, f.to.split('/')[0] ?? f.to]);
  const out = new Map<string, Set<string>>();
  for (const f of findings) {
    const hosts = [
      ...(f.subjects.hosts ?? []),
      ...(f.subjects.tunnels ?? []).flatMap((id) => ends.get(`t:${id}`) ?? []),
      ...(f.subjects.flows ?? []).flatMap((id) => ends.get(`f:${id}`) ?? []),
    ];
    for (const h of hosts) out.set(h, (out.get(h) ?? new Set()).add(f.code));
  }
  return out;
}
