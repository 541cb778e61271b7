import type { Finding, Severity } from '../../engine';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The worst severity of any finding about each host, tunnel and flow: what colours a node or an edge. */
export interface SeverityIndex {
  hosts: Map<string, Severity>;
  tunnels: Map<string, Severity>;
  flows: Map<string, Severity>;
}

export function severityIndex(findings: readonly Finding[]): SeverityIndex {
  const index: SeverityIndex = { hosts: new Map(), tunnels: new Map(), flows: new Map() };
  const note = (m: Map<string, Severity>, id: string, s: Severity) => {
    const cur = m.get(id);
    if (cur === undefined || RANK[s] < RANK[cur]) m.set(id, s);
  };
  for (const f of findings) {
    for (const id of f.subjects.hosts ?? []) note(index.hosts, id, f.severity);
    for (const id of f.subjects.tunnels ?? []) note(index.tunnels, id, f.severity);
    for (const id of f.subjects.flows ?? []) note(index.flows, id, f.severity);
  }
  return index;
}
