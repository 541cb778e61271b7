import type { Host } from './design';
import type { FieldError } from './field-error';
import { parseProbeTarget, parseSelector } from './policy-test';
import type { PolicyTest, Selector } from './policy-test';

/**
 * The policy tests' references: a host id must name a host, a service target a service of that host. A role group
 * with no host yet is allowed (the test then checks nothing: a design grows into it). The schema has already
 * checked every text reads.
 */
export function checkTestReferences(tests: readonly PolicyTest[], hosts: ReadonlyMap<string, Host>): FieldError[] {
  const errors: FieldError[] = [];
  const unknown = (sel: Selector | string) => (typeof sel !== 'string' && sel.kind === 'host' && !hosts.has(sel.id) ? sel.id : null);
  tests.forEach((t, i) => {
    const missing = unknown(parseSelector(t.from));
    if (missing !== null) errors.push({ path: `tests[${i}].from`, message: `no host has the id "${missing}"` });
    for (const list of ['reach', 'never'] as const) {
      t[list].forEach((text, j) => {
        const path = `tests[${i}].${list}[${j}]`;
        const target = parseProbeTarget(text);
        if (typeof target === 'string') return;
        const id = unknown(target.hosts);
        if (id !== null) errors.push({ path, message: `no host has the id "${id}"` });
        else if (target.serviceId !== null && target.hosts.kind === 'host') {
          const host = hosts.get(target.hosts.id);
          if (!host?.services.some((s) => s.id === target.serviceId)) {
            errors.push({ path, message: `host "${target.hosts.id}" has no service "${target.serviceId}"` });
          }
        }
      });
    }
  });
  return errors;
}
