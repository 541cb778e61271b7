import { describe, expect, it } from 'vitest';
import { labelEdges, layoutEdges, routeEdges } from './edge-layout';
import type { FlowLine, HostBox, TunnelLine } from './edge-layout';

const box = (id: string, x: number, y: number): HostBox => ({ id, x, y, width: 210, height: 96 });
const hosts = [box('hub', 0, 200), box('app-1', 400, 0), box('app-2', 400, 200), box('db', 400, 400)];
const tunnel = (a: string, b: string): TunnelLine => ({ id: `t-${b}`, a, b, full: 'MTU 1420 · ka off', short: 'MTU 1420' });
const tunnels = [tunnel('hub', 'app-1'), tunnel('hub', 'app-2'), tunnel('hub', 'db')];
const flow = (from: string): FlowLine => ({ id: `f-${from}`, hops: [from, 'hub', 'db'], full: '→ tcp/5432', short: '→ 5432' });
const flows = [flow('app-1'), flow('app-2')];

describe('layoutEdges', () => {
  it('draws a flow through the centre of the host that forwards it', () => {
    const { flows: drawn } = layoutEdges(hosts, tunnels, flows, { labels: false });
    expect(drawn.get('f-app-1')?.d).toContain('L 105,248 L');
  });

  it('gives flows sharing a tunnel lanes of their own, so they do not draw over each other', () => {
    const { flows: drawn } = layoutEdges(hosts, tunnels, flows, { labels: false });
    const lastLeg = (id: string) => drawn.get(id)?.d.split('L 105,248 ')[1];
    expect(lastLeg('f-app-1')).toBeDefined();
    expect(lastLeg('f-app-1')).not.toEqual(lastLeg('f-app-2'));
  });

  it('labels every edge when there is room, and only those reaching into `within`', () => {
    const routed = routeEdges(hosts, tunnels, flows);
    const all = labelEdges(routed, { labels: true });
    expect([...all.tunnels.values(), ...all.flows.values()].every((e) => e.label !== null)).toBe(true);
    const top = labelEdges(routed, { labels: true, within: { x: 250, y: 80, width: 100, height: 60 } });
    expect(top.tunnels.get('t-app-1')?.label).not.toBeNull();
    expect(top.tunnels.get('t-db')?.label).toBeNull();
  });
});
