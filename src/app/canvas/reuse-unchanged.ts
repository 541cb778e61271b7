/** Fields compared one level deeper: they hold small objects that derivation makes anew each time. */
const NESTED = new Set(['data', 'position', 'measured']);

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function sameItem(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => {
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    if (Object.is(x, y)) return true;
    return NESTED.has(k) && typeof x === 'object' && typeof y === 'object' && x !== null && y !== null && shallowEqual(x, y);
  });
}

/**
 * Freshly derived React Flow nodes or edges, with each one equal to its previous version replaced by that previous
 * object. React Flow then keeps its internal node (and its measurement) and the memoised node or edge component
 * does not render again: after an edit to one host of 1,000, one card renders, not 1,000. When every item is kept,
 * in the same order, the previous list itself is returned, so what is derived from the list is not redone.
 */
export function reuseUnchanged<T extends { id: string }>(previous: ReadonlyMap<string, T>, next: readonly T[], previousItems?: T[]): { items: T[]; byId: Map<string, T> } {
  const byId = new Map<string, T>();
  let same = previousItems !== undefined && previousItems.length === next.length;
  const items = next.map((item, i) => {
    const old = previous.get(item.id);
    const kept = old !== undefined && sameItem(old, item) ? old : item;
    byId.set(kept.id, kept);
    if (same && previousItems?.[i] !== kept) same = false;
    return kept;
  });
  return { items: same && previousItems ? previousItems : items, byId };
}
