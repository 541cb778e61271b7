import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../../testing/fixture-design';
import { connectHosts } from './connect-hosts';

describe('connect two hosts', () => {
  const d = fixtureDesign('hub-and-spoke');

  it('adds a tunnel between two hosts not yet joined', () => {
    const r = connectHosts(d, 'app-1', 'app-2');
    if ('error' in r) throw new Error(r.error);
    expect(r.design.tunnels.find((t) => t.id === r.id)).toMatchObject({ a: 'app-1', b: 'app-2', presharedKey: null });
  });

  it('refuses the same host twice, a pair already joined (either way round) and an unknown host, saying why', () => {
    expect(connectHosts(d, 'hub', 'hub')).toEqual({ error: 'A tunnel joins two different hosts.' });
    expect(connectHosts(d, 'app-1', 'hub')).toEqual({ error: 'app-1 and hub are already joined by tunnel t-hub-app-1.' });
    expect(connectHosts(d, 'hub', 'nope')).toEqual({ error: 'There is no host nope.' });
    expect(connectHosts(d, 'hub', '')).toEqual({ error: 'Choose two hosts.' });
  });
});
