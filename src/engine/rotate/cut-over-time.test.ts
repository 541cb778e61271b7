import { describe, expect, it } from 'vitest';
import { defaultCutOverTime, formatCutOverTime, parseCutOverTime } from './cut-over-time';

const now = new Date('2026-12-06T06:02:10.500Z');

describe('the cut-over time', () => {
  it('defaults to an hour ahead, rounded up to 5 minutes', () => {
    expect(formatCutOverTime(defaultCutOverTime(now))).toBe('2026-12-06T07:05:00Z');
    expect(formatCutOverTime(defaultCutOverTime(new Date('2026-12-06T06:05:00Z')))).toBe('2026-12-06T07:05:00Z');
  });

  it('accepts a future UTC time, with or without a fraction', () => {
    expect(formatCutOverTime(parseCutOverTime('2026-12-06T10:00:00Z', now))).toBe('2026-12-06T10:00:00Z');
    expect(formatCutOverTime(parseCutOverTime('2026-12-06T10:00:00.3Z', now))).toBe('2026-12-06T10:00:00.300Z');
  });

  it('refuses other forms and past times, naming --at', () => {
    for (const bad of ['2026-12-06 10:00:00Z', '2026-12-06T10:00:00', '2026-12-06T10:00:00+01:00', '2026-02-30T10:00:00Z', 'tomorrow', '']) {
      expect(() => parseCutOverTime(bad, now), bad).toThrow(/--at must be a UTC time like 2026-12-06T10:00:00Z/);
    }
    expect(() => parseCutOverTime('2026-12-06T06:00:00Z', now)).toThrow(/--at 2026-12-06T06:00:00Z has passed/);
  });
});
