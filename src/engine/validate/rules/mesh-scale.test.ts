import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../../testing/fixture-design';
import { generateDesign } from '../../testing/generate-design';
import { runRule } from '../../testing/rule-harness';
import { MESH_MAX_HOSTS, meshScale } from './mesh-scale';

describe('mesh-scale', () => {
  it('suggests hub-and-spoke for a full mesh past the threshold', () => {
    const d = generateDesign({ shape: 'full-mesh', hosts: MESH_MAX_HOSTS + 2 });
    const [f] = runRule(meshScale, d);
    expect(f?.code).toBe('mesh-too-large');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe('12 hosts (pg-0 and 11 more) form a full mesh of 66 tunnels: each host keeps 11 peers, and every new host changes every other host\'s config. Past 10 hosts, prefer hub-and-spoke: one or two gateways that route between the hosts.');
    expect(f?.subjects.hosts).toHaveLength(12);
  });

  it('counts a nearly full mesh too', () => {
    const d = generateDesign({ shape: 'full-mesh', hosts: 14 });
    const thinned = { ...d, tunnels: d.tunnels.slice(3) };
    expect(runRule(meshScale, thinned)[0]?.message).toContain('form a nearly full mesh of 88 tunnels');
  });

  it('says nothing of small meshes or of hub-and-spoke at any size', () => {
    expect(runRule(meshScale, generateDesign({ shape: 'full-mesh', hosts: MESH_MAX_HOSTS }))).toEqual([]);
    expect(runRule(meshScale, fixtureDesign('mesh-3'))).toEqual([]);
    expect(runRule(meshScale, generateDesign({ shape: 'hub-and-spoke', hosts: 200 }))).toEqual([]);
  });
});
