import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../../testing/fixture-design';
import { clipFromText } from './clip-from-text';

describe('a copy from clipboard text', () => {
  it('takes a whole design, keys and addresses left out', () => {
    const d = fixtureDesign('point-to-point');
    expect(d.hosts.every((h) => h.privateKey !== null)).toBe(true);
    const clip = clipFromText(JSON.stringify(d, null, 2));
    expect(clip?.hosts.map((h) => [h.id, h.privateKey, h.publicKey, h.addresses])).toEqual([['app-1', null, null, []], ['pg-primary', null, null, []]]);
    expect(clip?.tunnels.every((t) => t.presharedKey === null)).toBe(true);
  });

  it('is null for other text and for JSON that is no design', () => {
    expect(clipFromText('hello')).toBeNull();
    expect(clipFromText('{"format":"something else"}')).toBeNull();
    expect(clipFromText('')).toBeNull();
  });
});
