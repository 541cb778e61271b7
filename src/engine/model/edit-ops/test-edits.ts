import type { PolicyTest } from '../policy-test';

/** The host id a selector or target text names, or null for `*` and `role:` groups. */
function hostIdOf(text: string): string | null {
  if (text === '*' || text.startsWith('role:') || text.startsWith('*:')) return null;
  const end = text.search(/[/:]/);
  return end < 0 ? text : text.slice(0, end);
}

/**
 * The tests with `from` renamed to `to` wherever a host id names it (role groups and `*` follow the host anyway).
 * Undefined stays undefined: a design without tests keeps none.
 */
export function renameInTests(tests: readonly PolicyTest[] | undefined, from: string, to: string): PolicyTest[] | undefined {
  if (!tests) return undefined;
  const swap = (text: string) => (hostIdOf(text) === from ? `${to}${text.slice(from.length)}` : text);
  return tests.map((t) => ({ from: swap(t.from), reach: t.reach.map(swap), never: t.never.map(swap) }));
}

/**
 * The tests without the removed hosts: a test from one goes, a target naming one goes (a reference to a removed
 * host would make the design invalid, as a flow's would).
 */
export function testsWithoutHosts(tests: readonly PolicyTest[] | undefined, hosts: ReadonlySet<string>): PolicyTest[] | undefined {
  if (!tests) return undefined;
  const kept = (text: string) => {
    const id = hostIdOf(text);
    return id === null || !hosts.has(id);
  };
  return tests.filter((t) => kept(t.from)).map((t) => ({ from: t.from, reach: t.reach.filter(kept), never: t.never.filter(kept) }));
}
