import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import { emptyDesign } from '../persistence/initial-design';
import type { PendingImport } from '../store/app-state';
import { importQuestion } from './import-question';

const pending = (over: Partial<PendingImport>): PendingImport => ({
  design: fixtureDesign('point-to-point'), layout: false, source: '3 configs', done: '', warnings: [], mergeError: null, ...over,
});
const current = { name: 'orders', hosts: 5 };

describe('the question before a design is replaced', () => {
  it('files: replace, merge or cancel, naming both designs', () => {
    const q = importQuestion(current, pending({}));
    expect(q.title).toBe('Import into this design?');
    expect(q.lead).toBe('“orders” has 5 hosts. The import holds 3 configs (2 hosts).');
    expect(q.merge).toBe(true);
  });

  it('New: the blank design, in the words of the issue, and no merge', () => {
    const q = importQuestion(current, pending({ kind: 'blank', design: emptyDesign() }));
    expect(q.lead).toBe('Replace the current design (5 hosts) with a blank one?');
    expect(q.merge).toBe(false);
    expect(q.replace).toBe('Replace with a blank design');
  });

  it('a link: open it or keep this design', () => {
    const q = importQuestion({ name: '', hosts: 1 }, pending({ kind: 'link' }));
    expect(q.lead).toMatch(/^This tab holds “untitled” \(1 host\)\. The link holds “.+” \(2 hosts\)\.$/);
    expect([q.cancel, q.merge]).toEqual(['Keep this design', false]);
  });

  it('a template: replace, merge or cancel', () => {
    const q = importQuestion(current, pending({ kind: 'template', source: '“Mesh of 3”' }));
    expect(q.lead).toBe('“orders” has 5 hosts. The template “Mesh of 3” has 2 hosts.');
    expect(q.merge).toBe(true);
  });
});
