import type { Design, Fix, ParseResult } from '../../../engine';
import { parseDesign } from '../../../engine';

// A fix may come from a saved session or a worker message: it must never reach an object's prototype.
const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);

/** Sets `a.b.c`-style paths on a copy of an object (a fix sets `pools.db` without replacing the other pools). */
function withFields(target: Record<string, unknown>, set: Record<string, unknown>): Record<string, unknown> | string {
  const out: Record<string, unknown> = { ...target };
  for (const [path, value] of Object.entries(set)) {
    const keys = path.split('.');
    if (keys.some((k) => k === '' || UNSAFE.has(k))) return `"${path}" is not a field a fix may set`;
    let node = out;
    for (const k of keys.slice(0, -1)) {
      const child = node[k];
      node[k] = typeof child === 'object' && child !== null && !Array.isArray(child) ? { ...(child as object) } : {};
      node = node[k] as Record<string, unknown>;
    }
    node[keys[keys.length - 1] as string] = value;
  }
  return out;
}

/**
 * Applies a finding's fix: each change sets fields of one host, tunnel, flow or the network, then the whole design
 * goes through the schema again. A fix that names something gone, or makes the design invalid, is refused.
 * (The engine is getting its own `applyFix` with these semantics; this stands in until it is exported.)
 */
export function applyFixChanges(design: Design, fix: Fix): ParseResult<Design> {
  let next: Record<string, unknown> = { ...design };
  for (const c of fix.changes) {
    if (c.target === 'network') {
      const network = withFields(next.network as Record<string, unknown>, c.set);
      if (typeof network === 'string') return { ok: false, errors: [{ path: 'fix', message: network }] };
      next = { ...next, network };
      continue;
    }
    const key = `${c.target}s`;
    const list = next[key] as Array<Record<string, unknown>>;
    const i = list.findIndex((item) => item.id === c.id);
    if (i < 0) return { ok: false, errors: [{ path: 'fix', message: `the fix names ${c.target} "${c.id}", which no longer exists` }] };
    const item = withFields(list[i] as Record<string, unknown>, c.set);
    if (typeof item === 'string') return { ok: false, errors: [{ path: 'fix', message: item }] };
    next = { ...next, [key]: list.map((x, j) => (j === i ? item : x)) };
  }
  return parseDesign(next);
}
