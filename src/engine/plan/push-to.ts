// Tests: build-plan.test.ts and topology's, through the lists it builds.
/** Appends `item` to the list under `key`, starting the list on its first item. */
export function pushTo<K, T>(lists: Map<K, T[]>, key: K, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}
