import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { afterFix, fixed, runRule } from '../../testing/rule-harness';
import { defaultRouteOnDb } from './default-route-on-db';

const db = (role: string, toGw: string[] | null) => sketchDesign({
  hosts: [{ id: 'gw', role: 'gateway', endpoint: ep(1) }, { id: 'pg', name: 'Orders primary', role, endpoint: ep(2) }],
  tunnels: [['pg', 'gw', { allowedIPs: toGw ? { ab: toGw, ba: null } : null }]],
});

describe('default-route-on-db', () => {
  it('reports a default route on a database host: the operator would be locked out', () => {
    const [f] = runRule(defaultRouteOnDb, db('db', ['0.0.0.0/0', '::/0']));
    expect(f?.code).toBe('default-route-on-db');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe('Database host Orders primary (pg) routes 0.0.0.0/0 and ::/0 to gw: wg-quick would send all its traffic through the tunnel, including replies to management SSH (port 22) arriving on the underlay, which locks the operator out. Route only the prefixes its flows need.');
  });

  it('removes the default route from explicit AllowedIPs, keeping the rest', () => {
    const d = db('db', ['0.0.0.0/0', '10.10.2.0/24']);
    const [f] = runRule(defaultRouteOnDb, d);
    expect(fixed(d, f).tunnels[0]?.allowedIPs).toEqual({ ab: ['10.10.2.0/24'], ba: null });
    expect(afterFix(defaultRouteOnDb, d, f)).toEqual([]);
  });

  it('hands the AllowedIPs back to the engine when the default route was all there was', () => {
    const d = db('db', ['0.0.0.0/0']);
    expect(fixed(d, runRule(defaultRouteOnDb, d)[0]).tunnels[0]?.allowedIPs).toEqual({ ab: null, ba: null });
  });

  it('says nothing of a default route on an app host, or of a database host without one', () => {
    expect(runRule(defaultRouteOnDb, db('app', ['0.0.0.0/0']))).toEqual([]);
    expect(runRule(defaultRouteOnDb, db('db', null))).toEqual([]);
  });
});
