import { describe, expect, it } from 'vitest';
import { sketchDesign } from '../../testing/design-builder';
import { runRule } from '../../testing/rule-harness';
import { hostIsolated } from './host-isolated';

describe('host-isolated', () => {
  it('warns about a host with no tunnel', () => {
    const d = sketchDesign({ hosts: [{ id: 'a' }, { id: 'b' }, { id: 'lonely', name: 'Forgotten' }], tunnels: [['a', 'b']] });
    const found = runRule(hostIsolated, d);
    expect(found).toEqual([{
      code: 'host-no-tunnel',
      severity: 'warning',
      message: 'Forgotten (lonely) has no tunnel: it reaches nothing and nothing reaches it. Draw a tunnel to a gateway or to the hosts it talks to.',
      subjects: { hosts: ['lonely'] },
    }]);
  });

  it('says nothing when every host has a tunnel', () => {
    expect(runRule(hostIsolated, sketchDesign({ hosts: [{ id: 'a' }, { id: 'b' }], tunnels: [['a', 'b']] }))).toEqual([]);
  });
});
