import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { codesOf, runRule } from '../../testing/rule-harness';
import { keyNotEnrolled } from './key-not-enrolled';

const KEY = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';

describe('key-not-enrolled', () => {
  it('warns about a host in host custody without a public key, and says how to enroll it', () => {
    const d = sketchDesign({ hosts: [{ id: 'a', endpoint: ep(1), keys: 'host' }, { id: 'b' }], tunnels: [['a', 'b']] }, { keys: true });
    const found = runRule(keyNotEnrolled, d);
    expect(codesOf(found)).toEqual(['key-not-enrolled']);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.subjects).toEqual({ hosts: ['a'] });
    expect(found[0]?.message).toContain('wg-designer enroll design.json --host a --public-key <KEY>');
    expect(found[0]?.message).toContain('a/install.sh');
  });

  it('takes the network\'s custody when the host sets none', () => {
    const d = sketchDesign({ network: { keys: 'host' }, hosts: [{ id: 'a', endpoint: ep(1) }, { id: 'b', keys: 'bundle' }], tunnels: [['a', 'b']] }, { keys: true });
    expect(runRule(keyNotEnrolled, d).map((f) => f.subjects.hosts)).toEqual([['a']]);
  });

  it('says nothing once enrolled, for bundle custody, or for an external host', () => {
    const d = sketchDesign({
      network: { keys: 'host' },
      hosts: [{ id: 'a', endpoint: ep(1), publicKey: KEY }, { id: 'b', keys: 'bundle' }, { id: 'x', external: true, role: 'client' }],
      tunnels: [['a', 'b']],
    });
    expect(runRule(keyNotEnrolled, d)).toEqual([]);
  });
});
