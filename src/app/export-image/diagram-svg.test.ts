import { describe, expect, it } from 'vitest';
import { buildPlan, parseDesign } from '../../engine';
import type { Design } from '../../engine';
import { TEMPLATES } from '../templates/templates';
import { autoLayout, NODE_H, NODE_W } from '../layout/auto-layout';
import { diagramSvg, escapeXml } from './diagram-svg';

function template(id: string): Design {
  const r = parseDesign(TEMPLATES.find((t) => t.id === id)?.design);
  if (!r.ok) throw new Error('template');
  return autoLayout(r.value);
}

/** Points along an SVG path made of M, L and Q commands (what the diagram draws with), 40 per segment. */
function samplePath(d: string): Array<{ x: number; y: number }> {
  const out: Array<{ x: number; y: number }> = [];
  let at = { x: 0, y: 0 };
  for (const [, cmd, args] of d.matchAll(/([MLQ])([^MLQ]*)/g)) {
    const n = (args ?? '').trim().split(/[\s,]+/).map(Number);
    if (cmd === 'M') at = { x: n[0] ?? 0, y: n[1] ?? 0 };
    const [c, t] = cmd === 'Q' ? [{ x: n[0] ?? 0, y: n[1] ?? 0 }, { x: n[2] ?? 0, y: n[3] ?? 0 }] : [null, { x: n[0] ?? 0, y: n[1] ?? 0 }];
    for (let i = 0; i <= 40; i++) {
      const u = i / 40;
      const v = 1 - u;
      out.push(c ? { x: v * v * at.x + 2 * v * u * c.x + u * u * t.x, y: v * v * at.y + 2 * v * u * c.y + u * u * t.y }
        : { x: at.x + (t.x - at.x) * u, y: at.y + (t.y - at.y) * u });
    }
    at = t;
  }
  return out;
}

/** The hosts whose card (grown by `margin`) a path passes over. */
function hostsCrossed(design: Design, d: string, margin: number): string[] {
  const points = samplePath(d);
  return design.hosts.filter(({ position: p }) => points.some((q) => q.x > p.x - margin && q.x < p.x + NODE_W + margin
    && q.y > p.y - margin && q.y < p.y + NODE_H + margin)).map((h) => h.id);
}

describe('diagram SVG', () => {
  it('draws every host, tunnel and flow', () => {
    const design = template('hub-and-spoke');
    const svg = diagramSvg(design, [], buildPlan(design));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g transform="translate\([^)]*\)">\n<rect width="210"/g)).toHaveLength(5);
    expect(svg.match(/data-tunnel=/g)).toHaveLength(4);
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(3);
  });

  it('draws each hub-and-spoke flow through the hub that forwards it, over no other host', () => {
    const design = template('hub-and-spoke');
    const plan = buildPlan(design);
    const svg = diagramSvg(design, [], plan);
    // Flows are the dashed paths, in the design's order.
    const paths = [...svg.matchAll(/<path d="([^"]+)"[^>]*stroke-dasharray/g)].map((m) => m[1] ?? '');
    expect(paths).toHaveLength(design.flows.length);
    design.flows.forEach((f, i) => {
      const route = plan.flows.find((p) => p.flowId === f.id && !p.reverse)?.path ?? [];
      expect(route).toEqual([f.from, 'hub', f.to]);
      // Only the hosts on its route lie under it (app-3's flow crosses neither app-2 nor app-1)...
      for (const other of hostsCrossed(design, paths[i] ?? '', 0)) expect(route, `${f.id} passes over ${other}`).toContain(other);
      // ...and it does reach the hub, the host that really forwards it.
      expect(hostsCrossed(design, paths[i] ?? '', 20), f.id).toContain('hub');
    });
  });

  it('never lets a name become markup', () => {
    expect(escapeXml('<script>&"\'')).toBe('&lt;script&gt;&amp;&quot;&apos;');
    const r = parseDesign({ format: 'wg-designer/1', hosts: [{ id: 'a', name: '<img src=x onerror=alert(1)>', role: 'app' }] });
    if (!r.ok) throw new Error('design');
    expect(diagramSvg(r.value, [], null)).not.toContain('<img');
  });
});
