import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../../testing/fixture-design';
import { copyHosts } from './copy-hosts';

describe('copy hosts', () => {
  it('keeps the hosts and what joins them, not what names the originals', () => {
    const d = fixtureDesign('hub-and-spoke');
    const clip = copyHosts(d, ['hub', 'app-1', 'app-2']);
    if (!clip) throw new Error('nothing copied');
    expect(clip.hosts.map((h) => h.id)).toEqual(['hub', 'app-1', 'app-2']);
    for (const h of clip.hosts) expect([h.addresses, h.endpoint, h.publicKey, h.privateKey]).toEqual([[], null, null, null]);
    // Both of the hub's tunnels to copied spokes come along; the one to pg-primary (not copied) does not.
    expect(clip.tunnels.map((t) => t.id)).toEqual(['t-hub-app-1', 't-hub-app-2']);
    for (const t of clip.tunnels) expect([t.presharedKey, t.allowedIPs]).toEqual([null, null]);
    // The flows go to pg-primary, outside the copy.
    expect(clip.flows).toEqual([]);
  });

  it('keeps a flow to a service of a copied gateway, drops failover groups and monitoring', () => {
    const site = fixtureDesign('site-to-site');
    expect(copyHosts(site, ['app-1', 'gw-vpc'])?.flows.map((f) => f.id)).toEqual(['f-app-rds']);
    expect(copyHosts(site, ['app-1'])?.flows).toEqual([]);
    const pr = fixtureDesign('primary-replica');
    const clip = copyHosts(pr, ['pg-primary', 'pg-replica']);
    expect(clip?.failover).toEqual([]);
    expect(clip?.flows.map((f) => f.id)).toEqual(['r-primary-replica']);
    expect(clip?.network.monitoring).toBeNull();
  });

  it('copies no external peer, and nothing from an empty selection', () => {
    const d = fixtureDesign('point-to-point');
    const withExternal = { ...d, hosts: d.hosts.map((h) => (h.id === 'app-1' ? { ...h, external: true } : h)) };
    expect(copyHosts(withExternal, ['app-1'])).toBeNull();
    expect(copyHosts(withExternal, ['app-1', 'pg-primary'])?.hosts.map((h) => h.id)).toEqual(['pg-primary']);
    expect(copyHosts(d, [])).toBeNull();
  });
});
