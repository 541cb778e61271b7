import type { AdversarialCase } from './adversarial-case';
import { configCases } from './adversarial-config-cases';
import { designFieldCases } from './adversarial-design-cases';
import { linkCases } from './adversarial-link-cases';
import { designStructureCases } from './adversarial-structure-cases';

export type { AdversarialCase, CaseInput } from './adversarial-case';

/**
 * The adversarial corpus of issue 8: every hostile input, labelled with the field it attacks. `canaryDir` is where
 * payloads try to create files (`touch <canaryDir>/<case id>`); a test that runs the exported bundles asserts the
 * directory stays empty. Deterministic: the same directory gives the same corpus.
 */
export function adversarialCorpus(canaryDir: string): AdversarialCase[] {
  const cases = [
    ...designFieldCases(canaryDir),
    ...designStructureCases(canaryDir),
    ...linkCases(canaryDir),
    ...configCases(canaryDir),
  ];
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id) || !/^[a-z0-9-]+$/.test(c.id)) throw new Error(`adversarial corpus: bad or repeated case id ${c.id}`);
    ids.add(c.id);
  }
  return cases;
}
