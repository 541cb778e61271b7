/** A short id for one prove run, unique on this machine: its namespaces are `wgd-prove-<id>-...`. */
export function newRunId(): string {
  return `${process.pid.toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36).padStart(3, '0')}`;
}
