import type { Design, Finding } from '../../engine';
import { NODE_H, NODE_W } from '../layout/auto-layout';
import { severityIndex } from '../canvas/severity-index';

/** Escapes text for SVG (XML): names are user text and must never become markup. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string)
    // Control characters are not allowed in XML 1.0 at all.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
}

const COLORS = { db: '#4c9aff', app: '#36b37e', gateway: '#ffab00', client: '#b18cff' } as const;
const SEV = { error: '#ff5c5c', warning: '#ffb020', info: '#7aa7ff' } as const;

function clip(cx: number, cy: number, tx: number, ty: number): [number, number] {
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const s = Math.min((NODE_W / 2 + 2) / Math.abs(dx || 1e-9), (NODE_H / 2 + 2) / Math.abs(dy || 1e-9), 1);
  return [cx + dx * s, cy + dy * s];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The diagram as a standalone SVG, drawn from the design (not scraped from the page): crisp at any size, with
 * the same layout, colours and labels as the canvas, for documentation.
 */
export function diagramSvg(design: Design, findings: readonly Finding[]): string {
  const sev = severityIndex(findings);
  const pos = new Map(design.hosts.map((h) => [h.id, h.position]));
  const xs = design.hosts.map((h) => h.position.x);
  const ys = design.hosts.map((h) => h.position.y);
  const pad = 60;
  const minX = Math.min(...xs, 0) - pad;
  const minY = Math.min(...ys, 0) - pad;
  const w = Math.max(...xs, 0) + NODE_W + pad - minX;
  const h = Math.max(...ys, 0) + NODE_H + pad - minY;
  const centre = (id: string) => {
    const p = pos.get(id) ?? { x: 0, y: 0 };
    return [p.x + NODE_W / 2, p.y + NODE_H / 2] as const;
  };
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${r1(w)}" height="${r1(h)}" viewBox="${r1(minX)} ${r1(minY)} ${r1(w)} ${r1(h)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title>${escapeXml(design.name || 'wg-designer design')}</title>`,
    '<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#c084fc"/></marker></defs>',
    `<rect x="${r1(minX)}" y="${r1(minY)}" width="${r1(w)}" height="${r1(h)}" fill="#14171c"/>`,
  ];
  for (const t of design.tunnels) {
    const [ax, ay] = centre(t.a);
    const [bx, by] = centre(t.b);
    const [sx, sy] = clip(ax, ay, bx, by);
    const [ex, ey] = clip(bx, by, ax, ay);
    const s = sev.tunnels.get(t.id);
    out.push(`<line x1="${r1(sx)}" y1="${r1(sy)}" x2="${r1(ex)}" y2="${r1(ey)}" stroke="${s ? SEV[s] : '#8b95a5'}" stroke-width="2"/>`);
  }
  const lanes = new Map<string, number>();
  for (const f of design.flows) {
    const to = f.to.split('/')[0] ?? f.to;
    const pair = [f.from, to].sort().join(' ');
    const lane = lanes.get(pair) ?? 0;
    lanes.set(pair, lane + 1);
    const [ax, ay] = centre(f.from);
    const [bx, by] = centre(to);
    const [sx, sy] = clip(ax, ay, bx, by);
    const [ex, ey] = clip(bx, by, ax, ay);
    const len = Math.hypot(ex - sx, ey - sy) || 1;
    const bow = 38 * (lane + 1);
    const cx = (sx + ex) / 2 - ((ey - sy) / len) * bow;
    const cy = (sy + ey) / 2 + ((ex - sx) / len) * bow;
    const s = sev.flows.get(f.id);
    const both = f.kind === 'replication' ? ' marker-start="url(#a)"' : '';
    out.push(`<path d="M${r1(sx)},${r1(sy)} Q${r1(cx)},${r1(cy)} ${r1(ex)},${r1(ey)}" fill="none" stroke="${s ? SEV[s] : '#c084fc'}" stroke-width="1.6" stroke-dasharray="6 4" marker-end="url(#a)"${both}/>`);
    const lx = (sx + 2 * cx + ex) / 4;
    const ly = (sy + 2 * cy + ey) / 4;
    out.push(`<text x="${r1(lx)}" y="${r1(ly)}" fill="#d8b4fe" font-size="11" text-anchor="middle" dy="-4">${escapeXml(`${f.proto}/${f.port}`)}</text>`);
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
  out.push('</svg>');
  return out.join('\n');
}
