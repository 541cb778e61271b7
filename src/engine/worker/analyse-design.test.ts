import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../__fixtures__';
import type { Design } from '../model/design';
import { fixtureDesign } from '../testing/fixture-design';
import { newValidationContext } from '../validate/validation-context';
import { analyseDesign } from './analyse-design';

/** Edits an operator makes between two analyses: a host renumbered, an endpoint moved, a lan added, then undone. */
function edits(design: Design): Design[] {
  const [first, ...rest] = design.hosts;
  if (!first) return [];
  const renumbered = { ...first, addresses: first.addresses.map((a) => (a.includes(':') ? a : a.replace(/\.\d+\//, '.250/'))) };
  const moved = { ...first, endpoint: first.endpoint === null ? '192.0.2.77:51820' : null };
  const lan = { ...first, lans: [...first.lans, '192.168.77.0/24'] };
  return [renumbered, moved, lan, first].map((h) => ({ ...design, hosts: [h, ...rest] }));
}

describe('analyseDesign with the context the designer keeps', () => {
  it.each(Object.keys(FIXTURES))('gives %s, edit after edit, what a fresh analysis gives', (name) => {
    const design = fixtureDesign(name);
    const kept = newValidationContext();
    for (const d of [design, ...edits(design)]) {
      expect(analyseDesign(d, kept)).toEqual(analyseDesign(d, newValidationContext()));
    }
  });
});
