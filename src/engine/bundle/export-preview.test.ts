import { describe, expect, it } from 'vitest';
import { seededRandom } from '../keys';
import { parsed } from '../testing/fixture-design';
import { exportBundle } from './export-bundle';
import { exportWithPreview } from './export-preview';

describe('exportWithPreview (the designer\'s export)', () => {
  it('keeps every file of a bundle under the preview size, and the same zip as exportBundle', async () => {
    const whole = await exportBundle(parsed('primary-replica'), seededRandom(5));
    const shown = await exportWithPreview(parsed('primary-replica'), seededRandom(5));
    expect(shown.files).toEqual(whole.files);
    expect(shown.fileCount).toBe(whole.files.length);
    expect(Buffer.compare(shown.zip, whole.zip)).toBe(0);
    expect(shown.findings).toEqual(whole.findings);
  });

  it('past the preview size keeps the first files only, and the zip still holds them all', async () => {
    const whole = await exportBundle(parsed('hub-and-spoke'), seededRandom(6));
    const shown = await exportWithPreview(parsed('hub-and-spoke'), seededRandom(6), {}, 40_000);
    expect(shown.files.length).toBeGreaterThan(3);
    expect(shown.files.length).toBeLessThan(whole.files.length);
    // A prefix, in the bundle's order, within the size.
    expect(shown.files).toEqual(whole.files.slice(0, shown.files.length));
    expect(shown.files.reduce((n, f) => n + f.content.length, 0)).toBeLessThanOrEqual(40_000);
    expect(shown.fileCount).toBe(whole.files.length);
    expect(Buffer.compare(shown.zip, whole.zip)).toBe(0);
  });
});
