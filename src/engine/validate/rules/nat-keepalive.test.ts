import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { fixtureDesign } from '../../testing/fixture-design';
import { afterFix, fixed, runRule } from '../../testing/rule-harness';
import { natKeepalive } from './nat-keepalive';

/** A worker behind NAT tunnelled to a hub; `toWorker` adds a flow the hub side must open toward it. */
const natted = (keepalive: number | null, options: { toWorker?: boolean; workerEndpoint?: string } = {}) => sketchDesign({
  hosts: [
    { id: 'hub', role: 'gateway', endpoint: ep(1) },
    { id: 'pg', role: 'db', endpoint: ep(2) },
    { id: 'worker', name: 'Worker', behindNat: true, endpoint: options.workerEndpoint ?? null },
  ],
  tunnels: [['hub', 'pg'], ['hub', 'worker', { keepalive }]],
  flows: [{ from: 'worker', to: 'pg' }, ...(options.toWorker ? [{ from: 'pg', to: 'worker', port: 9000 }] : [])],
});

describe('nat-keepalive', () => {
  it('warns about a host behind NAT whose keepalive is turned off', () => {
    const [f] = runRule(natKeepalive, natted(0));
    expect(f?.code).toBe('nat-no-keepalive');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe('Worker (worker) is behind NAT and sends no PersistentKeepalive to hub on tunnel t-hub-worker: after a quiet spell the NAT forgets the mapping and hub can no longer reach it until it sends something itself. Set PersistentKeepalive to 25.');
  });

  it('makes it an error when a flow must open connections toward that host', () => {
    const [f] = runRule(natKeepalive, natted(0, { toWorker: true }));
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('flows need hub to open connections toward worker, which has no endpoint, so they stop working');
  });

  it('stays a warning when the host behind NAT has a forwarded port others can dial', () => {
    expect(runRule(natKeepalive, natted(0, { toWorker: true, workerEndpoint: ep(9) }))[0]?.severity).toBe('warning');
  });

  it('fixes it with 25 s, after which the plan keeps the mapping open', () => {
    const d = natted(0, { toWorker: true });
    const [f] = runRule(natKeepalive, d);
    expect(fixed(d, f).tunnels[1]?.keepalive).toBe(25);
    expect(afterFix(natKeepalive, d, f)).toEqual([]);
  });

  it('warns about a keepalive long enough for a NAT to forget the mapping', () => {
    const [f] = runRule(natKeepalive, natted(60));
    expect(f?.code).toBe('nat-keepalive-long');
    expect(f?.message).toContain('is 60 s: many NATs drop an idle UDP mapping after 30 s');
  });

  it('says nothing with the automatic keepalive or 25 s', () => {
    expect(runRule(natKeepalive, natted(null, { toWorker: true }))).toEqual([]);
    expect(runRule(natKeepalive, natted(25))).toEqual([]);
    expect(runRule(natKeepalive, fixtureDesign('hub-and-spoke'))).toEqual([]);
  });
});
