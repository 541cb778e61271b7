import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../engine/testing/generate-design';
import type { Finding } from '../../engine';
import { searchHosts } from './host-search';

const design = generateDesign({ shape: 'hub-and-spoke', hosts: 250 });

describe('searchHosts', () => {
  it('finds app-173 among 250 hosts, the exact id first', () => {
    const r = searchHosts(design, [], 'app-173');
    expect(r.matches[0]?.id).toBe('app-173');
    expect(r.total).toBe(1);
    const prefix = searchHosts(design, [], 'APP-17');
    expect(prefix.matches.map((m) => m.id).slice(0, 3)).toEqual(['app-17', 'app-170', 'app-171']);
    expect(prefix.total).toBe(11);
  });

  it('finds a host by its overlay address, saying which address matched', () => {
    const host = design.hosts.find((h) => h.id === 'app-173');
    const address = host?.addresses[0] ?? '';
    const r = searchHosts(design, [], address.split('/')[0] ?? '');
    expect(r.matches[0]).toEqual({ id: 'app-173', name: host?.name, why: address });
  });

  it('finds hosts by role and by the code of a finding that names them or their tunnel', () => {
    expect(searchHosts(design, [], 'gateway').matches.map((m) => m.id)).toEqual(['hub']);
    expect(searchHosts(design, [], 'database').total).toBe(13);
    // Every match, not only the listed ones, is drawn undimmed.
    expect(searchHosts(design, [], 'database').ids.size).toBe(13);
    const finding: Finding = { code: 'mtu-above-tunnel', severity: 'warning', message: 'm', subjects: { tunnels: ['t-app-5'] } };
    const r = searchHosts(design, [finding], 'mtu-above');
    expect(r.matches.map((m) => m.id)).toEqual(['app-5', 'hub']);
    expect(r.matches[0]?.why).toBe('finding mtu-above-tunnel');
  });

  it('matches nothing on an empty query, and caps the list while counting every match', () => {
    expect(searchHosts(design, [], '  ')).toEqual({ matches: [], total: 0, ids: new Set() });
    const r = searchHosts(design, [], 'app', 8);
    expect(r.matches).toHaveLength(8);
    expect(r.total).toBe(236);
  });
});
