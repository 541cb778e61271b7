/** What is selected: ids of hosts, tunnels and flows (the same shape as a finding's subjects). */
export interface Selection {
  hosts: string[];
  tunnels: string[];
  flows: string[];
}

export const EMPTY_SELECTION: Selection = { hosts: [], tunnels: [], flows: [] };

export function isEmptySelection(s: Selection): boolean {
  return s.hosts.length === 0 && s.tunnels.length === 0 && s.flows.length === 0;
}
