import type { LabBundle } from './bundle';
import type { CheckGroup, CheckResult } from './results';

/**
 * Operational scripts a bundle may carry (failover promotion, for designs with failover groups). Each check says
 * whether the bundle has its scripts; one that is present must also run and prove what it claims, so a bundle with
 * scripts the lab cannot run yet fails until its check is written here. (Key rotation is not in the bundle: the
 * CLI's `rotate` makes it, and `key-rotation.ts` checks it on every design.)
 */
interface ScriptCheck {
  group: CheckGroup;
  present: (bundle: LabBundle) => boolean;
  run: (bundle: LabBundle) => Promise<CheckResult[]>;
}

const CHECKS: ScriptCheck[] = [
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
