import type { Design } from '../../engine';

/** Every target a flow from `from` may name: other hosts, and the services inside gateways' lans. */
export function flowTargets(design: Pick<Design, 'hosts'>, from: string): Array<{ value: string; label: string }> {
  return design.hosts.filter((h) => h.id !== from).flatMap((h) => [
    { value: h.id, label: h.database ? `${h.id} (${h.database.engine} ${h.database.port})` : h.id },
    ...h.services.map((s) => ({ value: `${h.id}/${s.id}`, label: `${h.id}/${s.id} (${s.name || 'service'} ${s.port})` })),
  ]);
}
