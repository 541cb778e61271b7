import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../__fixtures__';
import { fixtureDesign } from '../testing/fixture-design';
import { generateDesign } from '../testing/generate-design';
import { validateDesign } from './validate-design';

// The fixtures and generated designs are correct designs: every rule must stay silent on them (no false positives),
// with keys (as exported) and without (as the CLI's validate and the share-link viewer see them). The fixtures'
// endpoints are documentation addresses on purpose (the lab runs on those ranges), so endpoint-documentation
// warns about exactly the hosts that have one, and nothing else speaks.
describe.each(Object.keys(FIXTURES))('fixture %s', (name) => {
  it('has no findings with keys but the documentation-endpoint warnings', () => {
    const design = fixtureDesign(name);
    const findings = validateDesign(design);
    expect(findings.filter((f) => f.code !== 'endpoint-documentation')).toEqual([]);
    expect(findings.flatMap((f) => f.subjects.hosts ?? [])).toEqual(design.hosts.filter((h) => h.endpoint !== null).map((h) => h.id));
  });
});

describe.each(['hub-and-spoke', 'routed-sites', 'full-mesh'] as const)('generated %s', (shape) => {
  it('has no findings at 60 hosts (full mesh: 8)', () => {
    const hosts = shape === 'full-mesh' ? 8 : 60;
    expect(validateDesign(generateDesign({ shape, hosts }))).toEqual([]);
  });
});
