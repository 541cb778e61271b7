import type { Plan } from '../plan/types';
import { addressText } from './firewall-terms';

/** A Mermaid node id from a host id: `[a-z0-9-]` -> `h_` + underscores, which Mermaid reads as a plain name. */
function node(id: string): string {
  return `h_${id.replace(/-/g, '_')}`;
}

/**
 * Mermaid refuses to draw a flowchart of more than 500 edges (its `maxEdges`) or 50,000 characters (`maxTextSize`)
 * unless the page that renders it raises both, and GitHub's does not: past these a diagram per host is text nobody
 * can see (a 400-host mesh made 3.6 MB of it, twice: in docs/network.mmd and in the README).
 */
export const MERMAID_MAX_EDGES = 500;
export const MERMAID_MAX_TEXT = 50_000;

/**
 * The network as a Mermaid flowchart: hosts (id, role, overlay address), tunnels as solid lines with their MTU,
 * flows as dotted arrows with protocol and port. Only ids, roles, numbers and addresses: no user text. A network
 * past Mermaid's limits is drawn by role instead (see renderRoleMermaid), and the diagram says so.
 */
export function renderMermaid(plan: Plan): string {
  const flows = plan.flows.filter(drawn);
  if (plan.tunnels.length + flows.length > MERMAID_MAX_EDGES) return renderRoleMermaid(plan, flows);
  const full = renderHostMermaid(plan, flows);
  return full.length > MERMAID_MAX_TEXT ? renderRoleMermaid(plan, flows) : full;
}

/** Flows the diagram shows: not the reverse half of replication, not monitoring's scrapes. */
function drawn(f: Plan['flows'][number]): boolean {
  return !f.reverse && !f.flowId.startsWith('monitor-');
}

function renderHostMermaid(plan: Plan, flows: Plan['flows']): string {
  const lines = ['flowchart LR'];
  for (const hp of plan.hosts) {
    const a = hp.addresses[0];
    const addr = a ? addressText({ ...a, len: a.family === 4 ? 32 : 128 }) : 'no address';
    const shape = hp.role === 'db' ? ['[(', ')]'] : hp.role === 'gateway' ? ['{{', '}}'] : ['[', ']'];
    lines.push(`  ${node(hp.id)}${shape[0]}"${hp.id}<br/>${hp.role} ${addr}"${shape[1]}`);
    for (const s of hp.services) lines.push(`  ${node(hp.id)}_${node(s.id)}[("${s.id}<br/>${s.address}:${s.port}")]`);
  }
  for (const t of plan.tunnels) lines.push(`  ${node(t.tunnel.a)} ---|"${t.tunnel.id} MTU ${t.safeMtu}"| ${node(t.tunnel.b)}`);
  for (const f of flows) {
    const target = f.serviceId === null ? node(f.to) : `${node(f.to)}_${node(f.serviceId)}`;
    lines.push(`  ${node(f.from)} -.->|"${f.proto}/${f.port}"| ${target}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One node per role (with its host count) and one line per pair of roles: how many tunnels join them and which
 * ports their flows use. Readable at any size; the per-host detail is in the README's tables and each wg0.conf.
 */
function renderRoleMermaid(plan: Plan, flows: Plan['flows']): string {
  const roleOf = new Map(plan.hosts.map((h) => [h.id, h.role] as const));
  const counts = new Map<string, number>();
  for (const h of plan.hosts) counts.set(h.role, (counts.get(h.role) ?? 0) + 1);
  const pair = (a: string, b: string) => (a <= b ? `${a} ${b}` : `${b} ${a}`);
  const tunnels = new Map<string, number>();
  for (const t of plan.tunnels) {
    const key = pair(roleOf.get(t.tunnel.a) ?? '?', roleOf.get(t.tunnel.b) ?? '?');
    tunnels.set(key, (tunnels.get(key) ?? 0) + 1);
  }
  const ports = new Map<string, Set<string>>();
  for (const f of flows) {
    const key = `${roleOf.get(f.from) ?? '?'} ${roleOf.get(f.to) ?? '?'}`;
    const set = ports.get(key) ?? new Set<string>();
    ports.set(key, set.add(`${f.proto}/${f.port}`));
  }
  const role = (r: string) => `r_${r}`;
  const lines = [
    `%% ${plan.hosts.length} hosts, ${plan.tunnels.length} tunnels and ${flows.length} flows are past what Mermaid draws`,
    `%% (${MERMAID_MAX_EDGES} edges, ${MERMAID_MAX_TEXT.toLocaleString('en-US')} characters): drawn by role. Every host is in the README's tables.`,
    'flowchart LR',
  ];
  for (const [r, n] of counts) lines.push(`  ${role(r)}["${r}<br/>${n} ${n === 1 ? 'host' : 'hosts'}"]`);
  for (const [key, n] of tunnels) {
    const [a, b] = key.split(' ') as [string, string];
    lines.push(`  ${role(a)} ---|"${n} ${n === 1 ? 'tunnel' : 'tunnels'}"| ${role(b)}`);
  }
  for (const [key, set] of ports) {
    const [a, b] = key.split(' ') as [string, string];
    const list = [...set].sort();
    lines.push(`  ${role(a)} -.->|"${list.slice(0, 6).join(' ')}${list.length > 6 ? ` +${list.length - 6}` : ''}"| ${role(b)}`);
  }
  return `${lines.join('\n')}\n`;
}
