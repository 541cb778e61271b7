import { describe, expect, it } from 'vitest';
import { parseSketch } from '../testing/design-builder';
import { hostCustodyHosts, hostCustodyTunnels } from './host-custody';

describe('host custody', () => {
  const d = parseSketch({
    network: { keys: 'host' },
    hosts: [{ id: 'a' }, { id: 'b', keys: 'bundle' }, { id: 'c', keys: 'bundle' }, { id: 'x', external: true, role: 'client' }],
    tunnels: [['a', 'b'], ['b', 'c'], ['c', 'x']],
  });

  it('lists managed hosts whose own or network custody is host (never an external one)', () => {
    expect(hostCustodyHosts(d)).toEqual(['a']);
  });

  it('lists the tunnels with such an end', () => {
    expect(hostCustodyTunnels(d)).toEqual(['t-a-b']);
  });
});
