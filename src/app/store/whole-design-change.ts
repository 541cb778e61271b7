import type { Design } from '../../engine';

/**
 * True when going from `before` to `after` replaces or rearranges most of the design (undo or redo of Open,
 * Import, a template or Layout): more than half of the hosts of the two are new, gone or moved. The view is then
 * refitted; undoing an ordinary edit (a host added, a card dragged) leaves the view where the user put it.
 */
export function wholeDesignChange(before: Design, after: Design): boolean {
  if (after.hosts.length === 0) return false;
  const old = new Map(before.hosts.map((h) => [h.id, h.position]));
  let kept = 0;
  for (const h of after.hosts) {
    const p = old.get(h.id);
    if (p && p.x === h.position.x && p.y === h.position.y) kept++;
  }
  const all = new Set([...old.keys(), ...after.hosts.map((h) => h.id)]).size;
  return all - kept > all / 2;
}
