import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { fixtureDesign } from '../../testing/fixture-design';
import { afterFix, fixed, runRule } from '../../testing/rule-harness';
import { natEndpoint } from './nat-endpoint';

/** A worker behind NAT tunnelled to a hub and a database; `hubEndpoint` null leaves the hub undialable. */
const natted = (workerEndpoint: string | null, hubEndpoint: string | null = ep(1)) => sketchDesign({
  hosts: [
    { id: 'hub', role: 'gateway', endpoint: hubEndpoint },
    { id: 'pg', role: 'db', endpoint: ep(2) },
    { id: 'worker', name: 'Worker', behindNat: true, endpoint: workerEndpoint },
  ],
  tunnels: [['hub', 'pg'], ['hub', 'worker'], ['pg', 'worker']],
});

describe('nat-endpoint', () => {
  it('warns that peers dial the endpoint of a host marked behind NAT, naming them and the port to forward', () => {
    const [f, more] = runRule(natEndpoint, natted(ep(9, 51999)));
    expect(more).toBeUndefined();
    expect(f?.code).toBe('nat-endpoint');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe('Worker (worker) is marked behind NAT but has the endpoint 203.0.113.9:51999, so hub and pg dial it there. Through a NAT that works only if it forwards UDP port 51999 to this host; if not, their handshakes are dropped. Clear the endpoint (the host then dials out and keeps the mapping open with PersistentKeepalive), or untick "behind NAT" if the endpoint is its own address.');
    expect(f?.subjects.hosts).toEqual(['worker', 'hub', 'pg']);
  });

  it('fixes it by clearing the endpoint, or (the alternative) by unticking behind NAT', () => {
    const d = natted(ep(9));
    const [f] = runRule(natEndpoint, d);
    expect(fixed(d, f).hosts[2]?.endpoint).toBeNull();
    expect(afterFix(natEndpoint, d, f)).toEqual([]);
    expect(f?.alternative?.changes).toEqual([{ target: 'host', id: 'worker', set: { behindNat: false } }]);
  });

  it('does not offer to clear the endpoint when a peer has none to be dialled at', () => {
    const [f] = runRule(natEndpoint, natted(ep(9), null));
    expect(f?.fix?.changes).toEqual([{ target: 'host', id: 'worker', set: { behindNat: false } }]);
    expect(f?.alternative).toBeUndefined();
  });

  it('says nothing of a host behind NAT without an endpoint, or with one and no tunnel', () => {
    expect(runRule(natEndpoint, natted(null))).toEqual([]);
    expect(runRule(natEndpoint, fixtureDesign('hub-and-spoke'))).toEqual([]);
    expect(runRule(natEndpoint, sketchDesign({ hosts: [{ id: 'lone', behindNat: true, endpoint: ep(3) }] }))).toEqual([]);
  });
});
