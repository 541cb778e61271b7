import { FIXTURES } from '../__fixtures__';
import { completeDesign } from '../complete/complete-design';
import { seededRandom } from '../keys';
import type { Design } from '../model/design';
import { formatFieldError, parseDesign } from '../model/parse-design';

/** A fixture parsed and completed with deterministic keys, for tests and benchmarks (never for real bundles). */
export function fixtureDesign(name: string, seed = 1): Design {
  return completeDesign(parsed(name), { random: seededRandom(seed), keys: true }).design;
}

/** A fixture parsed but not completed. */
export function parsed(name: string): Design {
  const raw = FIXTURES[name];
  if (raw === undefined) throw new Error(`no fixture named ${name}`);
  const r = parseDesign(raw);
  if (!r.ok) throw new Error(`fixture ${name}: ${r.errors.map(formatFieldError).join('; ')}`);
  return r.value;
}
