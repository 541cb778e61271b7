/** `a, b and c`, or `a, b, c and 7 more` past `max` items: a list that stays one readable line at any size. */
export function listText(items: readonly string[], max = 4): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length > max) return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
