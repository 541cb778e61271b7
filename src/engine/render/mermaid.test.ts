import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import { fixtureDesign } from '../testing/fixture-design';
import { generateDesign } from '../testing/generate-design';
import { MERMAID_MAX_TEXT, renderMermaid } from './mermaid';

describe('renderMermaid', () => {
  it('draws every host, tunnel and flow of a network Mermaid can draw', () => {
    const plan = buildPlan(fixtureDesign('hub-and-spoke'));
    const text = renderMermaid(plan);
    expect(text.startsWith('flowchart LR\n')).toBe(true);
    for (const h of plan.hosts) expect(text).toContain(`h_${h.id.replace(/-/g, '_')}`);
    for (const t of plan.tunnels) expect(text).toContain(`|"${t.tunnel.id} MTU ${t.safeMtu}"|`);
  });

  it('draws a network past Mermaid\'s 500 edges by role, small, and says why', () => {
    // 299 tunnels and 284 flows: 583 edges.
    const plan = buildPlan(generateDesign({ shape: 'hub-and-spoke', hosts: 300 }));
    const text = renderMermaid(plan);
    expect(text).toContain('%% 300 hosts, 299 tunnels and 284 flows are past what Mermaid draws');
    expect(text).toContain('r_gateway["gateway<br/>1 host"]');
    expect(text).toContain('r_app["app<br/>284 hosts"]');
    expect(text).toMatch(/r_app ---\|"284 tunnels"\| r_gateway/);
    expect(text).toContain('r_app -.->|"tcp/5432"| r_db');
    expect(text).not.toContain('h_app_0');
    expect(text.length).toBeLessThan(2_000);
  });

  it('keeps a 400-host mesh (79,800 tunnels) to a few lines instead of megabytes', () => {
    const plan = buildPlan(generateDesign({ shape: 'full-mesh', hosts: 400 }));
    const text = renderMermaid(plan);
    expect(text).toContain('r_db ---|"79800 tunnels"| r_db');
    expect(text.length).toBeLessThan(MERMAID_MAX_TEXT);
  }, 60_000);
});
