import { describe, expect, it } from 'vitest';
import { completeDesign, parseDesign, seededRandom, validateDesign } from '../../engine';
import { TEMPLATES } from './templates';
import { autoLayout } from '../layout/auto-layout';

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s parses, lays out and has no error finding', (_id, t) => {
    const r = parseDesign(t.design);
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    const d = autoLayout(completeDesign(r.value, { random: seededRandom(1), keys: true }).design);
    expect(new Set(d.hosts.map((h) => `${h.position.x},${h.position.y}`)).size).toBe(d.hosts.length);
    expect(validateDesign(d).filter((x) => x.severity === 'error')).toEqual([]);
  });
});
