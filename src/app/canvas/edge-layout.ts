import { curvesPath, offsetCurve, reverse, routeAround, sampleCurve } from './edge-route';
import type { Curve } from './edge-route';
import type { Point } from './point';
import { placeLabels } from './label-placement';
import type { LabelRequest, LabelSpot } from './label-placement';
import { RectGrid } from './rect-grid';
import type { Rect } from './rect-grid';

/** A host's card on the canvas (or in the exported diagram). */
export interface HostBox extends Rect {
  id: string;
}
/** A tunnel to draw between two hosts, with its label's full and short text. */
export interface TunnelLine {
  id: string;
  a: string;
  b: string;
  full: string;
  short: string;
}
/** A flow to draw through the hosts that forward it (its plan path: source, hops, target). */
export interface FlowLine {
  id: string;
  hops: readonly string[];
  full: string;
  short: string;
}
/** One drawn edge: its SVG path and where its label goes (null: no room, its text shows on hover). */
export interface EdgeDrawing {
  d: string;
  label: LabelSpot | null;
}
export interface EdgeLayout {
  tunnels: ReadonlyMap<string, EdgeDrawing>;
  flows: ReadonlyMap<string, EdgeDrawing>;
}

/** How far a flow runs beside the tunnel carrying it, per flow already on that tunnel, in canvas pixels. */
export const LANE_GAP = 14;

/**
 * Every tunnel and flow of the design, drawn around the cards and labelled without collisions. One computation for
 * all edges, because a label's place depends on every other label. Tunnels bend around cards in their way; a flow
 * follows the same curves through the hosts that forward it (hub-and-spoke: app -> hub -> database), beside
 * its tunnels, one lane per flow already on a tunnel. `first` names edges whose labels are placed before the others
 * (the selected, those a finding names); with `labels` off (zoomed far out) no label is placed at all.
 */
export function layoutEdges(hosts: readonly HostBox[], tunnels: readonly TunnelLine[], flows: readonly FlowLine[],
  options: { labels: boolean; first?: ReadonlySet<string> }): EdgeLayout {
  const byId = new Map(hosts.map((h) => [h.id, h]));
  const grid = new RectGrid<Rect>(hosts);
  const routes = new Map<string, Curve>();
  /** The curve from host u to host v; the same line whichever way it is asked for. */
  const route = (u: HostBox, v: HostBox): Curve => {
    const forward = u.id < v.id;
    const key = forward ? `${u.id} ${v.id}` : `${v.id} ${u.id}`;
    let curve = routes.get(key);
    if (!curve) {
      curve = forward ? routeAround(u, v, grid) : routeAround(v, u, grid);
      routes.set(key, curve);
    }
    return forward ? curve : reverse(curve);
  };

  const lines = new Map<string, { d: string; along: Point[] }>();
  const requests = new Map<string, LabelRequest>();
  for (const t of tunnels) {
    const a = byId.get(t.a);
    const b = byId.get(t.b);
    if (!a || !b) continue;
    const curve = route(a, b);
    const along = sampleCurve(curve);
    lines.set(`tunnel:${t.id}`, { d: curvesPath([curve]), along });
    requests.set(`tunnel:${t.id}`, { id: `tunnel:${t.id}`, full: t.full, short: t.short, along });
  }
  const lanes = new Map<string, number>();
  for (const f of flows) {
    const boxes = f.hops.map((h) => byId.get(h));
    if (boxes.length < 2 || boxes.some((b) => !b)) continue;
    const curves: Curve[] = [];
    for (let i = 0; i + 1 < boxes.length; i++) {
      const u = boxes[i] as HostBox;
      const v = boxes[i + 1] as HostBox;
      const pair = [u.id, v.id].sort().join(' ');
      const lane = lanes.get(pair) ?? 0;
      lanes.set(pair, lane + 1);
      curves.push(offsetCurve(route(u, v), LANE_GAP * (lane + 1)));
    }
    const along = curves.flatMap((c) => sampleCurve(c));
    const via = (boxes.slice(1, -1) as HostBox[]).map((h) => ({ x: h.x + h.width / 2, y: h.y + h.height / 2 }));
    lines.set(`flow:${f.id}`, { d: curvesPath(curves, via), along });
    requests.set(`flow:${f.id}`, { id: `flow:${f.id}`, full: f.full, short: f.short, along });
  }

  const first = options.first ?? new Set<string>();
  const ordered = [...requests.values()].sort((x, y) => Number(first.has(y.id)) - Number(first.has(x.id)));
  const spots = options.labels ? placeLabels(ordered, hosts) : new Map<string, LabelSpot | null>();
  const drawings = (kind: 'tunnel' | 'flow') => new Map([...lines].filter(([k]) => k.startsWith(`${kind}:`))
    .map(([k, line]) => [k.slice(kind.length + 1), { d: line.d, label: spots.get(k) ?? null }]));
  return { tunnels: drawings('tunnel'), flows: drawings('flow') };
}
