import type { Plan } from '../plan/types';
import { addressText } from './firewall-terms';

/** A Mermaid node id from a host id: `[a-z0-9-]` -> `h_` + underscores, which Mermaid reads as a plain name. */
function node(id: string): string {
  return `h_${id.replace(/-/g, '_')}`;
}

/**
 * The network as a Mermaid flowchart: hosts (id, role, overlay address), tunnels as solid lines with their MTU,
 * flows as dotted arrows with protocol and port. Only ids, roles, numbers and addresses: no user text.
 */
export function renderMermaid(plan: Plan): string {
  const lines = ['flowchart LR'];
  for (const hp of plan.hosts) {
    const a = hp.addresses[0];
    const addr = a ? addressText({ ...a, len: a.family === 4 ? 32 : 128 }) : 'no address';
    const shape = hp.role === 'db' ? ['[(', ')]'] : hp.role === 'gateway' ? ['{{', '}}'] : ['[', ']'];
    lines.push(`  ${node(hp.id)}${shape[0]}"${hp.id}<br/>${hp.role} ${addr}"${shape[1]}`);
    for (const s of hp.services) lines.push(`  ${node(hp.id)}_${node(s.id)}[("${s.id}<br/>${s.address}:${s.port}")]`);
  }
  for (const t of plan.tunnels) lines.push(`  ${node(t.tunnel.a)} ---|"${t.tunnel.id} MTU ${t.safeMtu}"| ${node(t.tunnel.b)}`);
  for (const f of plan.flows) {
    if (f.reverse || f.flowId.startsWith('monitor-')) continue;
    const target = f.serviceId === null ? node(f.to) : `${node(f.to)}_${node(f.serviceId)}`;
    lines.push(`  ${node(f.from)} -.->|"${f.proto}/${f.port}"| ${target}`);
  }
  return `${lines.join('\n')}\n`;
}
