import { describe, expect, it } from 'vitest';
import { sketchDesign } from '../../testing/design-builder';
import { runRule } from '../../testing/rule-harness';
import { poolOverlap } from './pool-overlap';

describe('pool-overlap', () => {
  it('reports two roles sharing one pool', () => {
    const d = sketchDesign({ network: { pools: { app: '10.10.0.0/24' } }, hosts: [{ id: 'a' }] });
    const [f] = runRule(poolOverlap, d);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toMatch(/^The db and app pools are the same network, 10\.10\.0\.0\/24/);
  });

  it('reports a pool inside another, naming which contains which', () => {
    const d = sketchDesign({ network: { pools: { db: '10.10.0.0/16' } }, hosts: [{ id: 'a' }] });
    const found = runRule(poolOverlap, d);
    expect(found.map((f) => f.message.split(':')[0])).toEqual([
      'The db pool 10.10.0.0/16 contains the app pool 10.10.1.0/24',
      'The db pool 10.10.0.0/16 contains the gateway pool 10.10.2.0/24',
      'The db pool 10.10.0.0/16 contains the client pool 10.10.3.0/24',
    ]);
  });

  it('says nothing of the default pools, or of an IPv6 pool beside them', () => {
    expect(runRule(poolOverlap, sketchDesign({ network: { pools: { ipv6: 'fd10::/64' } }, hosts: [{ id: 'a' }] }))).toEqual([]);
  });
});
