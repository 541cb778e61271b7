import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../engine';
import { TEMPLATES } from '../templates/templates';
import { autoLayout } from '../layout/auto-layout';
import { diagramSvg, escapeXml } from './diagram-svg';

describe('diagram SVG', () => {
  it('draws every host, tunnel and flow', () => {
    const r = parseDesign(TEMPLATES.find((t) => t.id === 'hub-and-spoke')?.design);
    if (!r.ok) throw new Error('template');
    const svg = diagramSvg(autoLayout(r.value), []);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g transform/g)).toHaveLength(5);
    expect(svg.match(/<line /g)).toHaveLength(4);
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(3);
  });

  it('never lets a name become markup', () => {
    expect(escapeXml('<script>&"\'')).toBe('&lt;script&gt;&amp;&quot;&apos;');
    const r = parseDesign({ format: 'wg-designer/1', hosts: [{ id: 'a', name: '<img src=x onerror=alert(1)>', role: 'app' }] });
    if (!r.ok) throw new Error('design');
    expect(diagramSvg(r.value, [])).not.toContain('<img');
  });
});
