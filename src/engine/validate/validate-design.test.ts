import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../testing/design-builder';
import { RULES } from './rules';
import { validateDesign } from './validate-design';

describe('validateDesign', () => {
  it('lists errors first, then warnings, then information', () => {
    const d = sketchDesign({
      hosts: [{ id: 'a' }, { id: 'b' }, { id: 'lonely' }, { id: 'x', addresses: ['10.0.0.9/32'] }],
      tunnels: [['a', 'b'], ['a', 'x', { keepalive: 0 }]],
    });
    const severities = validateDesign(d).map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((p, q) => ['error', 'warning', 'info'].indexOf(p) - ['error', 'warning', 'info'].indexOf(q)));
    expect(new Set(severities)).toEqual(new Set(['error', 'warning', 'info']));
  });

  it('names hosts by name and id, with control characters taken out of the name', () => {
    const d = sketchDesign({ hosts: [{ id: 'a', name: 'Orders\u202e API' }, { id: 'b', endpoint: ep(1) }] });
    const [f] = validateDesign(d).filter((x) => x.code === 'host-no-tunnel');
    expect(f?.message).toMatch(/^Orders {2}API \(a\) has no tunnel/);
  });
});

describe('the rule registry', () => {
  const codes = RULES.flatMap((r) => r.codes);

  it('has unique rule ids and finding codes', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('documents every finding code in the README\'s Findings table', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('### Findings'));
    for (const code of codes) expect(table, code).toContain(`| \`${code}\` |`);
  });
});
