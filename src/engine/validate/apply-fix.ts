import type { Design } from '../model/design';
import { parseDesign } from '../model/parse-design';
import type { ParseResult } from '../model/parse-design';
import type { Fix } from './finding';

/**
 * Applies a finding's fix and checks the result against the schema, as any edit is: the new design, or the fields
 * it got wrong. Pure: `design` is not changed. A key of `set` names a field; `pools.db` names a nested one, so two
 * fixes of one object do not undo each other. A fix is computed for the design it was found in: validate again
 * before applying another.
 */
export function applyFix(design: Design, fix: Fix): ParseResult<Design> {
  let network: Record<string, unknown> = { ...design.network };
  const hosts: Array<Record<string, unknown>> = design.hosts.map((h) => ({ ...h }));
  const tunnels: Array<Record<string, unknown>> = design.tunnels.map((t) => ({ ...t }));
  const flows: Array<Record<string, unknown>> = design.flows.map((f) => ({ ...f }));
  for (const change of fix.changes) {
    const bad = Object.keys(change.set).find((path) => path.split('.').some((k) => UNSAFE_KEYS.has(k) || k === ''));
    if (bad !== undefined) return { ok: false, errors: [{ path: 'fix', message: `"${bad}" is not a field a fix may set` }] };
    if (change.target === 'network') {
      network = withFields(network, change.set);
      continue;
    }
    if (change.target === 'new-flow') {
      flows.push(withFields({}, change.set));
      continue;
    }
    const list = change.target === 'host' ? hosts : change.target === 'tunnel' ? tunnels : flows;
    const i = list.findIndex((x) => x.id === change.id);
    if (i < 0) return { ok: false, errors: [{ path: 'fix', message: `no ${change.target} has the id "${change.id}"` }] };
    list[i] = withFields(list[i] as Record<string, unknown>, change.set);
  }
  return parseDesign({ ...design, network, hosts, tunnels, flows });
}

// A fix may arrive from a worker message or a saved session: it must never reach an object's prototype. A constant
// (read-only by its type), not state.
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

function withFields(target: Record<string, unknown>, set: Record<string, unknown>): Record<string, unknown> {
  const out = { ...target };
  for (const [path, value] of Object.entries(set)) {
    const keys = path.split('.');
    let node = out;
    for (const key of keys.slice(0, -1)) {
      const child = node[key];
      const copy = child !== null && typeof child === 'object' && !Array.isArray(child) ? { ...(child as Record<string, unknown>) } : {};
      node[key] = copy;
      node = copy;
    }
    node[keys.at(-1) as string] = value;
  }
  return out;
}
