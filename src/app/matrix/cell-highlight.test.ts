import { describe, expect, it } from 'vitest';
import type { MatrixCell } from '../../engine';
import { cellHighlight } from './cell-highlight';
import { cellLabel, meetsTests } from './cell-text';

const design = { tunnels: [{ id: 't1', a: 'app-1', b: 'hub' }, { id: 't2', a: 'pg', b: 'hub' }, { id: 't3', a: 'app-2', b: 'pg' }] } as never;
const cell = (verdict: MatrixCell['verdict']): MatrixCell => ({ from: 'app-1', to: 'pg', port: 5432, proto: 'tcp', verdict });
const entries = (m: ReadonlyMap<string, string>) => Object.fromEntries(m);

describe('cellHighlight', () => {
  it('marks every hop and tunnel of a reachable cell as its path', () => {
    const h = cellHighlight(design, cell({ reachable: true, path: ['app-1', 'hub', 'pg'], at: 'pg', viaFlow: 'f1' }));
    expect(entries(h.hosts)).toEqual({ 'app-1': 'path', hub: 'path', pg: 'path' });
    expect(entries(h.tunnels)).toEqual({ t1: 'path', t2: 'path' });
  });

  it('marks a firewall that refuses the packet as the blocking hop, after the hops it crossed', () => {
    const h = cellHighlight(design, cell({ reachable: false, path: ['app-1', 'hub', 'pg'], at: 'pg', reason: 'its firewall does not accept tcp/5432 from 10.10.1.1 to 10.10.0.1 on the tunnel' }));
    expect(entries(h.hosts)).toEqual({ 'app-1': 'path', hub: 'path', pg: 'blocked' });
    expect(entries(h.tunnels)).toEqual({ t1: 'path', t2: 'path' });
  });

  it('marks only the sender when its own firewall stops it', () => {
    const h = cellHighlight(design, cell({ reachable: false, path: ['app-1', 'hub', 'pg'], at: 'app-1', reason: 'its firewall does not let it open tcp/22 to 10.10.0.1 on the tunnel' }));
    expect(entries(h.hosts)).toEqual({ 'app-1': 'blocked' });
    expect(h.tunnels.size).toBe(0);
  });

  it('marks the tunnel whose AllowedIPs drop the packet', () => {
    const h = cellHighlight(design, cell({ reachable: false, path: ['app-1', 'hub', 'pg'], at: 'pg', reason: 'WireGuard on pg drops it: the source 10.10.1.1 is not in the AllowedIPs of hub' }));
    expect(entries(h.hosts)).toEqual({ 'app-1': 'path', hub: 'path', pg: 'blocked' });
    expect(entries(h.tunnels)).toEqual({ t1: 'path', t2: 'blocked' });
  });

  it('marks the whole path when the replies are dropped on the way back', () => {
    const h = cellHighlight(design, cell({ reachable: false, path: ['app-1', 'hub', 'pg'], at: 'hub', reason: 'replies are dropped: hub has no route to 10.10.1.1 (it is in no AllowedIPs and no lan)' }));
    expect(entries(h.hosts)).toEqual({ 'app-1': 'path', hub: 'blocked', pg: 'path' });
  });

  it('marks the sender of a cell with no route', () => {
    const h = cellHighlight(design, cell({ reachable: false, path: null, at: 'app-1', reason: 'no path' }));
    expect(entries(h.hosts)).toEqual({ 'app-1': 'blocked' });
  });
});

describe('cell text', () => {
  const denied = cell({ reachable: false, path: ['app-1', 'hub', 'pg'], at: 'pg', reason: 'its firewall does not accept tcp/5432' });
  it('names the pair, the verdict, the hop and the rule', () => {
    expect(cellLabel(denied, undefined)).toBe('app-1 to pg:5432: denied at pg: its firewall does not accept tcp/5432');
    const ok = cell({ reachable: true, path: ['app-1', 'hub', 'pg'], at: 'pg', viaFlow: 'f1' });
    expect(cellLabel(ok, undefined)).toBe('app-1 to pg:5432: reachable, admitted at pg by the rule of flow f1 (path app-1 → hub → pg)');
  });

  it('says whether the tests that name the cell pass', () => {
    const never = [{ expect: 'never' as const, test: 'tests[0].never[0]' }];
    const reach = [{ expect: 'reach' as const, test: 'tests[1].reach[0]' }];
    expect(meetsTests(denied, undefined)).toBeNull();
    expect(meetsTests(denied, never)).toBe(true);
    expect(meetsTests(denied, reach)).toBe(false);
    expect(cellLabel(denied, [...never, ...reach])).toMatch(/; test tests\[0\]\.never\[0\] expects never: passes; test tests\[1\]\.reach\[0\] expects reach: fails$/);
  });
});
