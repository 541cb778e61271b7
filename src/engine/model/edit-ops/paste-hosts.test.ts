import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../../testing/fixture-design';
import { validateDesign } from '../../validate/validate-design';
import type { Design } from '../design';
import { pinAddresses } from '../pin-addresses';
import { copyHosts } from './copy-hosts';
import { PASTE_STEP, pasteHosts } from './paste-hosts';

/** What the store's commit does to every new design: pin addresses for the hosts that have none. */
const complete = (d: Design) => pinAddresses(d).design;

function paste(d: Design, ids: string[]) {
  const clip = copyHosts(d, ids);
  if (!clip) throw new Error('nothing copied');
  const r = pasteHosts(d, clip);
  if ('error' in r) throw new Error(r.error);
  return { ...r, design: complete(r.design) };
}

describe('paste hosts', () => {
  it('adds copies with fresh ids, their own tunnels, new addresses and no keys', () => {
    const d = fixtureDesign('hub-and-spoke');
    const { design, ids } = paste(d, ['hub', 'app-1']);
    expect(ids).toEqual(['hub-2', 'app-1-2']);
    const all = design.hosts.map((h) => h.id);
    expect(new Set(all).size).toBe(all.length);
    // The copied tunnel joins the copies, under a fresh id; the originals keep theirs.
    const added = design.tunnels.slice(d.tunnels.length);
    expect(added.map((t) => [t.a, t.b])).toEqual([['hub-2', 'app-1-2']]);
    expect(new Set(design.tunnels.map((t) => t.id)).size).toBe(design.tunnels.length);
    const taken = new Set(d.hosts.flatMap((h) => h.addresses));
    const keys = new Set(d.hosts.map((h) => h.publicKey));
    for (const id of ids) {
      const h = design.hosts.find((x) => x.id === id);
      expect(h?.addresses.length).toBeGreaterThan(0);
      for (const a of h?.addresses ?? []) expect(taken.has(a)).toBe(false);
      expect(keys.has(h?.publicKey ?? null)).toBe(false);
    }
    expect(design.hosts.slice(0, d.hosts.length)).toEqual(d.hosts);
  });

  it('remaps flows among the copies, including to a copied gateway\'s service', () => {
    const d = fixtureDesign('site-to-site');
    const { design } = paste(d, ['app-1', 'gw-vpc']);
    expect(design.flows.slice(d.flows.length).map((f) => [f.from, f.to])).toEqual([['app-1-2', 'gw-vpc-2/orders-rds']]);
  });

  it('leaves no duplicate address or key finding', () => {
    const d = fixtureDesign('hub-and-spoke');
    const { design } = paste(d, d.hosts.map((h) => h.id));
    const codes = validateDesign(design).map((f) => f.code);
    expect(codes.filter((c) => /duplicate/.test(c) && c !== 'endpoint-duplicate')).toEqual([]);
    expect(codes).not.toContain('endpoint-duplicate');
  });

  it('lands beside the originals, and a second paste beside the first', () => {
    const d = fixtureDesign('point-to-point');
    const first = paste(d, ['app-1']);
    const orig = d.hosts.find((h) => h.id === 'app-1')?.position;
    const at = (x: Design, id: string) => x.hosts.find((h) => h.id === id)?.position;
    expect(at(first.design, 'app-1-2')).toEqual({ x: (orig?.x ?? 0) + PASTE_STEP, y: (orig?.y ?? 0) + PASTE_STEP });
    const clip = copyHosts(d, ['app-1']);
    if (!clip) throw new Error('nothing copied');
    const second = pasteHosts(first.design, clip);
    if ('error' in second) throw new Error(second.error);
    expect(second.ids).toEqual(['app-1-3']);
    expect(at(second.design, 'app-1-3')).toEqual({ x: (orig?.x ?? 0) + 2 * PASTE_STEP, y: (orig?.y ?? 0) + 2 * PASTE_STEP });
  });

  it('a name that was the id follows the new id; a display name stays', () => {
    const d = fixtureDesign('point-to-point');
    const named = { ...d, hosts: d.hosts.map((h) => ({ ...h, name: h.id === 'app-1' ? 'app-1' : 'Orders DB' })) };
    const { design, ids } = paste(named, ['app-1', 'pg-primary']);
    expect(ids.map((id) => design.hosts.find((h) => h.id === id)?.name)).toEqual(['app-1-2', 'Orders DB']);
  });

  it('says why when the pool has no room', () => {
    const d = fixtureDesign('point-to-point');
    const tiny = { ...d, network: { ...d.network, pools: { ...d.network.pools, app: '10.30.0.0/31', db: '10.31.0.0/31' } } };
    const pinned = { ...tiny, hosts: tiny.hosts.map((h) => ({ ...h, addresses: [] })) };
    const full = complete(pinned);
    const clip = copyHosts(full, ['app-1', 'pg-primary']);
    if (!clip) throw new Error('nothing copied');
    const r = pasteHosts(full, { ...clip, hosts: [...clip.hosts, ...clip.hosts.map((h) => ({ ...h, id: `${h.id}-x` }))] });
    expect('error' in r).toBe(true);
  });
});
