/** A Storage in memory, for tests of what the page keeps in localStorage (vitest runs them in Node). */
export function memoryStorage(items: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(items));
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}
