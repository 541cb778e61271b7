import { describe, expect, it } from 'vitest';
import { encodeShareFragment } from '../../engine';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import { initialDesign, shareLinkRequest } from './initial-design';
import { DESIGN_KEY } from './storage-keys';
import { memoryStorage } from './memory-storage';

describe('initial design', () => {
  const saved = JSON.stringify(fixtureDesign('point-to-point'));

  it('opens a share link over no autosave or the same design, saying that it holds no keys', () => {
    const link = encodeShareFragment(fixtureDesign('hub-and-spoke'));
    if (!link.ok) throw new Error('encode');
    for (const storage of [memoryStorage(), memoryStorage({ [DESIGN_KEY]: JSON.stringify(fixtureDesign('hub-and-spoke')) })]) {
      const r = initialDesign(`#${link.value}`, storage);
      expect(r.fromLink).toBe(true);
      expect(r.link).toBeNull();
      expect(r.design.hosts).toHaveLength(5);
      expect(r.design.hosts.every((h) => h.privateKey === null)).toBe(true);
      expect(r.notice?.text).toMatch(/never holds private keys/);
    }
  });

  it('over a different autosaved design with hosts, keeps it and offers the link (the user says which stays)', () => {
    const link = encodeShareFragment(fixtureDesign('hub-and-spoke'));
    if (!link.ok) throw new Error('encode');
    const r = initialDesign(`#${link.value}`, memoryStorage({ [DESIGN_KEY]: saved }));
    expect(r.fromLink).toBe(false);
    expect(r.design.hosts).toHaveLength(2);
    expect(r.link?.hosts).toHaveLength(5);
    expect(r.notice).toBeNull();
    expect(shareLinkRequest(r.link ?? r.design)).toMatchObject({ kind: 'link', notice: { title: 'Opened from a share link' } });
  });

  it('keeps the autosaved design when the link is damaged, and says why', () => {
    const r = initialDesign('#wgd1.AAAA', memoryStorage({ [DESIGN_KEY]: saved }));
    expect(r.fromLink).toBe(false);
    expect(r.design.name).toBe(fixtureDesign('point-to-point').name);
    expect(r.notice?.kind).toBe('error');
    expect(r.notice?.text).toMatch(/kept as it was/);
    // Read after the title's full stop: "could not be opened. The link is damaged", never ". the link".
    expect(r.notice?.text).toMatch(/^The link is damaged/);
  });

  it('restores the autosave, or starts empty', () => {
    expect(initialDesign('', memoryStorage({ [DESIGN_KEY]: saved })).design.hosts).toHaveLength(2);
    expect(initialDesign('', memoryStorage()).design.hosts).toEqual([]);
    const bad = initialDesign('', memoryStorage({ [DESIGN_KEY]: '{"format":"nope"}' }));
    expect(bad.design.hosts).toEqual([]);
    expect(bad.notice?.kind).toBe('warning');
  });
});
