import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../__fixtures__';
import { buildPlan } from '../plan/build-plan';
import { fixtureDesign } from '../testing/fixture-design';
import { validateDesign } from '../validate/validate-design';
import { bundleFiles } from './bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from './bundle-options';

// Every generated file of every fixture, with deterministic keys: a change to any renderer shows up as a reviewable
// diff under __snapshots__/bundles/. Update deliberately with `npx vitest run -u`.
describe.each(Object.keys(FIXTURES))('snapshot of the %s bundle', (name) => {
  const design = fixtureDesign(name);
  const plan = buildPlan(design);
  const files = bundleFiles(plan, { ...DEFAULT_BUNDLE_OPTIONS, findings: validateDesign(design, plan) });
  it.each(files.map((f) => [f.path, f.content]))('%s', async (path, content) => {
    await expect(content).toMatchFileSnapshot(`./__snapshots__/bundles/${name}/${path}`);
  });
});
