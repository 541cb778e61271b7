import type { Design, Fix, ParseResult } from '../../../engine';
import { parseDesign } from '../../../engine';

/**
 * Applies a finding's fix: each change sets fields of one host, tunnel, flow or the network, then the whole design
 * goes through the schema again. A fix that names something gone, or makes the design invalid, is refused.
 */
export function applyFixChanges(design: Design, fix: Fix): ParseResult<Design> {
  let next: Design = design;
  for (const c of fix.changes) {
    if (c.target === 'network') {
      next = { ...next, network: { ...next.network, ...c.set } as Design['network'] };
      continue;
    }
    const key = `${c.target}s` as 'hosts' | 'tunnels' | 'flows';
    const list = next[key] as Array<{ id: string }>;
    if (!list.some((item) => item.id === c.id)) {
      return { ok: false, errors: [{ path: key, message: `the fix names ${c.target} "${c.id}", which no longer exists` }] };
    }
    next = { ...next, [key]: list.map((item) => (item.id === c.id ? { ...item, ...c.set } : item)) };
  }
  return parseDesign(next);
}
