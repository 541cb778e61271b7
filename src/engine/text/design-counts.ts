import { plural } from './plural';

/** Lists of hosts, tunnels and flows: a design, or a selection of their ids. */
interface Counted {
  hosts: readonly unknown[];
  tunnels: readonly unknown[];
  flows: readonly unknown[];
}

/** What a design (or a selection) holds, for a status line: `5 hosts · 1 tunnel · 0 flows`. */
export function designCounts(design: Counted, separator = ' · '): string {
  return [plural(design.hosts.length, 'host'), plural(design.tunnels.length, 'tunnel'), plural(design.flows.length, 'flow')].join(separator);
}
