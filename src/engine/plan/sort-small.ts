/**
 * Sorts `list` in place by `compare` and returns it. Most lists in a plan hold a handful of items (a host's peers,
 * a peer's AllowedIPs), and Array.prototype.sort allocates a work array per call: below 16 items an insertion sort
 * allocates nothing. Stable, like Array.prototype.sort.
 */
export function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length >= 16) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const x = list[i] as T;
    let j = i - 1;
    for (; j >= 0 && compare(list[j] as T, x) > 0; j--) list[j + 1] = list[j] as T;
    list[j + 1] = x;
  }
  return list;
}
