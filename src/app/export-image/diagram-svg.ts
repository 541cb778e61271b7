import type { Design, Finding, Plan } from '../../engine';
import { NODE_H, NODE_W } from '../layout/auto-layout';
import { flowEdges, tunnelEdges } from '../canvas/design-to-flow';
import { flowLabel, tunnelLabel } from '../canvas/edge-labels';
import { layoutEdges } from '../canvas/edge-layout';
import type { EdgeDrawing } from '../canvas/edge-layout';
import { severityIndex } from '../canvas/severity-index';
import { EMPTY_SELECTION } from '../store/selection';

/** Escapes text for SVG (XML): names are user text and must never become markup. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string)
    // Control characters are not allowed in XML 1.0 at all.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
}

const COLORS = { db: '#4c9aff', app: '#36b37e', gateway: '#ffab00', client: '#b18cff' } as const;
const SEV = { error: '#ff5c5c', warning: '#ffb020', info: '#7aa7ff' } as const;

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The diagram as a standalone SVG, drawn from the design (not scraped from the page): crisp at any size, with
 * the same layout, colours and labels as the canvas, for documentation.
 */
export function diagramSvg(design: Design, findings: readonly Finding[], plan: Plan | null): string {
  const sev = severityIndex(findings);
  // The same routes and labels as the canvas: tunnels bent around cards in their way, each flow along its plan
  // path (through the hub that forwards it, never through unrelated hosts), labels on no card and no other label.
  const tunnels = tunnelEdges(design, plan, EMPTY_SELECTION, sev);
  const flows = flowEdges(design, plan, EMPTY_SELECTION, sev);
  const layout = layoutEdges(
    design.hosts.map((host) => ({ id: host.id, ...host.position, width: NODE_W, height: NODE_H })),
    tunnels.flatMap((e) => (e.data ? [{ id: e.data.tunnel.id, a: e.source, b: e.target, ...tunnelLabel(e.data.mtu, e.data.keepalive) }] : [])),
    flows.flatMap((e) => (e.data ? [{ id: e.data.flow.id, hops: [e.source, ...e.data.via, e.target], ...flowLabel(e.data.flow) }] : [])),
    { labels: true, first: new Set([...sev.tunnels.keys()].map((id) => `tunnel:${id}`).concat([...sev.flows.keys()].map((id) => `flow:${id}`))) },
  );
  // The frame holds every card, every bend of a line (a detour may bulge past the cards) and every label.
  const points = [
    ...design.hosts.flatMap((host) => [host.position, { x: host.position.x + NODE_W, y: host.position.y + NODE_H }]),
    ...[...layout.tunnels.values(), ...layout.flows.values()].flatMap((e) => [...e.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]) }))),
    ...[...layout.tunnels.values(), ...layout.flows.values()].flatMap((e) => (e.label ? [
      { x: e.label.x - e.label.width / 2, y: e.label.y - e.label.height / 2 },
      { x: e.label.x + e.label.width / 2, y: e.label.y + e.label.height / 2 }] : [])),
  ];
  const pad = 40;
  const minX = Math.min(...points.map((p) => p.x)) - pad;
  const minY = Math.min(...points.map((p) => p.y)) - pad;
  const w = Math.max(...points.map((p) => p.x)) + pad - minX;
  const h = Math.max(...points.map((p) => p.y)) + pad - minY;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${r1(w)}" height="${r1(h)}" viewBox="${r1(minX)} ${r1(minY)} ${r1(w)} ${r1(h)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title>${escapeXml(design.name || 'wg-designer design')}</title>`,
    '<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#c084fc"/></marker></defs>',
    `<rect x="${r1(minX)}" y="${r1(minY)}" width="${r1(w)}" height="${r1(h)}" fill="#14171c"/>`,
  ];
  const labels: string[] = [];
  for (const t of design.tunnels) {
    const drawing = layout.tunnels.get(t.id);
    if (!drawing) continue;
    const s = sev.tunnels.get(t.id);
    out.push(`<path d="${drawing.d}" fill="none" stroke="${s ? SEV[s] : '#8b95a5'}" stroke-width="2" data-tunnel="${escapeXml(t.id)}"/>`);
    const e = tunnels.find((x) => x.data?.tunnel.id === t.id)?.data;
    if (e) labels.push(label(drawing, tunnelLabel(e.mtu, e.keepalive), '#9aa4b2', s ? SEV[s] : '#3a4250'));
  }
  for (const f of design.flows) {
    const drawing = layout.flows.get(f.id);
    if (!drawing) continue;
    const s = sev.flows.get(f.id);
    const both = f.kind === 'replication' ? ' marker-start="url(#a)"' : '';
    out.push(`<path d="${drawing.d}" fill="none" stroke="${s ? SEV[s] : '#c084fc'}" stroke-width="1.6" stroke-dasharray="6 4" marker-end="url(#a)"${both} data-flow="${escapeXml(f.id)}"/>`);
    labels.push(label(drawing, flowLabel(f), '#d8b4fe', s ? SEV[s] : '#5b3b7a'));
  }
  for (const host of design.hosts) {
    const { x, y } = host.position;
    const s = sev.hosts.get(host.id);
    out.push(
      `<g transform="translate(${r1(x)},${r1(y)})">`,
      `<rect width="${NODE_W}" height="${NODE_H}" rx="8" fill="#1e232b" stroke="${s ? SEV[s] : '#3a4250'}" stroke-width="${s ? 2 : 1}"/>`,
      `<rect width="4" height="${NODE_H}" rx="2" fill="${COLORS[host.role]}"/>`,
      `<text x="14" y="24" fill="#e6e9ef" font-size="13" font-weight="600">${escapeXml(host.name.slice(0, 28))}</text>`,
      `<text x="14" y="44" fill="#9aa4b2" font-size="11" font-family="ui-monospace, Menlo, Consolas, monospace">${escapeXml(`${host.id}  ${host.addresses[0] ?? ''}`)}</text>`,
      `<text x="14" y="66" fill="#9aa4b2" font-size="11">${escapeXml([
        host.database ? `${host.database.engine} :${host.database.port}` : host.role,
        ...host.lans, ...host.services.map((sv) => `${sv.id} :${sv.port}`),
      ].join(' · ').slice(0, 40))}</text>`,
      '</g>',
    );
  }
  // Labels last, over the lines and the cards' surroundings (they were placed on no card).
  out.push(...labels, '</svg>');
  return out.join('\n');
}

/** A label pill where layoutEdges put it (nothing where it found no room: a document has no hover). */
function label(drawing: EdgeDrawing, text: { full: string; short: string }, colour: string, border: string): string {
  const spot = drawing.label;
  if (!spot) return '';
  const shown = spot.short ? text.short : text.full;
  const { width, height } = spot;
  return `<g transform="translate(${r1(spot.x - width / 2)},${r1(spot.y - height / 2)})"><rect width="${width}" height="${height}" rx="9" fill="#191d24" stroke="${border}"/>`
    + `<text x="${width / 2}" y="13" fill="${colour}" font-size="11" text-anchor="middle" font-family="ui-monospace, Menlo, Consolas, monospace">${escapeXml(shown)}</text></g>`;
}
