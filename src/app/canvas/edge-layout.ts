import { boundsOf, curvesPath, offsetCurve, reverse, routeAround, sampleCurve } from './edge-route';
import type { Curve } from './edge-route';
import { placeLabels } from './label-placement';
import type { LabelRequest, LabelSpot } from './label-placement';
import { RectGrid, rectsOverlap } from './rect-grid';
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
  /**
   * A drag of a large design is under way: tunnels are drawn straight from React Flow's own end points and flows
   * not at all, so the layout (and every edge that reads it) stays still until the drop.
   */
  light?: boolean;
}
/** Every edge routed, not labelled yet: labels are placed again on a pan, routes only when something moved. */
export interface RoutedEdges {
  hosts: readonly HostBox[];
  lines: ReadonlyMap<string, { d: string; request: LabelRequest }>;
}

/** How far a flow runs beside the tunnel carrying it, per flow already on that tunnel, in canvas pixels. */
export const LANE_GAP = 14;

/**
 * Every tunnel and flow of the design, drawn around the cards and labelled without collisions (see routeEdges and
 * labelEdges). `first` names edges whose labels are placed before the others (those a finding names); with
 * `labels` off (zoomed far out) no label is placed at all.
 */
export function layoutEdges(hosts: readonly HostBox[], tunnels: readonly TunnelLine[], flows: readonly FlowLine[],
  options: { labels: boolean; first?: ReadonlySet<string> }): EdgeLayout {
  return labelEdges(routeEdges(hosts, tunnels, flows), options);
}

/**
 * Tunnels bend around cards in their way; a flow follows the same curves through the hosts that forward it
 * (hub-and-spoke: app -> hub -> database), beside its tunnels, one lane per flow already on a tunnel. With
 * `detours` off every edge is straight (a large design while a card is dragged).
 */
export function routeEdges(hosts: readonly HostBox[], tunnels: readonly TunnelLine[], flows: readonly FlowLine[], detours = true): RoutedEdges {
  const byId = new Map(hosts.map((h) => [h.id, h]));
  const grid = detours ? new RectGrid<Rect>(hosts) : null;
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

  const lines = new Map<string, { d: string; request: LabelRequest }>();
  for (const t of tunnels) {
    const a = byId.get(t.a);
    const b = byId.get(t.b);
    if (!a || !b) continue;
    const curve = route(a, b);
    const id = `tunnel:${t.id}`;
    lines.set(id, { d: curvesPath([curve]), request: { id, full: t.full, short: t.short, along: sampleCurve(curve) } });
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
    const via = (boxes.slice(1, -1) as HostBox[]).map((h) => ({ x: h.x + h.width / 2, y: h.y + h.height / 2 }));
    const id = `flow:${f.id}`;
    lines.set(id, { d: curvesPath(curves, via), request: { id, full: f.full, short: f.short, along: curves.flatMap((c) => sampleCurve(c)) } });
  }
  return { hosts, lines };
}

/**
 * Labels for routed edges, placed in one pass because a label's place depends on every other label. With `within`
 * only the edges that reach into that rectangle (the visible canvas) are labelled: a 250-host hub's 500 labels,
 * placed on every frame of a drag, would cost more than the frame has, and nobody reads the ones off screen.
 */
export function labelEdges(routed: RoutedEdges, options: { labels: boolean; first?: ReadonlySet<string>; within?: Rect | null }): EdgeLayout {
  const first = options.first ?? new Set<string>();
  const within = options.within ?? null;
  const requests = [...routed.lines.values()].map((l) => l.request)
    .filter((r) => !within || rectsOverlap(boundsOf(r.along), within))
    .sort((x, y) => Number(first.has(y.id)) - Number(first.has(x.id)));
  const spots = options.labels ? placeLabels(requests, routed.hosts) : new Map<string, LabelSpot | null>();
  const drawings = (kind: 'tunnel' | 'flow') => new Map([...routed.lines].filter(([k]) => k.startsWith(`${kind}:`))
    .map(([k, line]) => [k.slice(kind.length + 1), { d: line.d, label: spots.get(k) ?? null }]));
  return { tunnels: drawings('tunnel'), flows: drawings('flow') };
}
