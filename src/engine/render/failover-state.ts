// Tests: failover.test.ts (the path), install-failover.test.ts and install-failover.node.test.ts (install.sh reads it).
// Its own module: install.sh's guard (install-failover.ts) needs the path, and failover.ts needs install-script's types.

/** The file, beside each promote script's other files, that names the member the promotion makes active. */
export function failoverStateFile(groupId: string): string {
  return `failover-${groupId}.state`;
}

/** Where a promote script records the member that holds a group's floating address on this host (install.sh reads it). */
export function failoverStatePath(groupId: string): string {
  return `/etc/wg-designer/${failoverStateFile(groupId)}`;
}
