import type { LabBundle } from './bundle';
import type { CheckGroup, CheckResult } from './results';

/**
 * Operational scripts a bundle may carry (key rotation, failover). Each check says whether the bundle has its
 * scripts; one that is present must also run and prove what it claims. Add a check here when a bundle gains one.
 */
interface ScriptCheck {
  group: CheckGroup;
  present: (bundle: LabBundle) => boolean;
  run: (bundle: LabBundle) => Promise<CheckResult[]>;
}

const CHECKS: ScriptCheck[] = [
  {
    group: 'rotation',
    present: (b) => b.files.some((f) => /\/rotate\//.test(f)),
    run: async () => [{ group: 'rotation', label: 'key rotation scripts', ok: false, detail: 'the bundle has rotation scripts the lab cannot run yet: add their check to e2e/lab/bundle-scripts.ts' }],
  },
  {
    group: 'failover',
    present: (b) => b.files.some((f) => /(^|\/)failover[^/]*$|\/failover\//.test(f)),
    run: async () => [{ group: 'failover', label: 'failover scripts', ok: false, detail: 'the bundle has failover scripts the lab cannot run yet: add their check to e2e/lab/bundle-scripts.ts' }],
  },
];

/** Runs the checks whose scripts the bundle has; lists the groups whose scripts it does not. */
export async function checkScripts(bundle: LabBundle): Promise<{ results: CheckResult[]; notPresent: CheckGroup[] }> {
  const results: CheckResult[] = [];
  const notPresent: CheckGroup[] = [];
  for (const c of CHECKS) {
    if (c.present(bundle)) results.push(...await c.run(bundle));
    else notPresent.push(c.group);
  }
  return { results, notPresent };
}
