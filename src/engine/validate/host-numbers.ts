import type { Host } from '../model/design';

/** The design's hosts numbered in order, `ids[number.get(id)] === id`; the first of two equal ids keeps the number. */
export interface HostNumbers {
  ids: readonly string[];
  number: ReadonlyMap<string, number>;
}

export function numberHosts(hosts: readonly Host[]): HostNumbers {
  const ids: string[] = [];
  const number = new Map<string, number>();
  for (const h of hosts) {
    if (number.has(h.id)) continue;
    number.set(h.id, ids.length);
    ids.push(h.id);
  }
  return { ids, number };
}
