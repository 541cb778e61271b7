import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Renderers read the plan, never the design's own rules: from model/ they may take types, nothing that runs. */
describe('render/ imports', () => {
  it('takes only types from model/', () => {
    const offending = readdirSync(__dirname)
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
      .flatMap((f) => readFileSync(join(__dirname, f), 'utf8').split('\n')
        .filter((line) => /^import (?!type ).*from '\.\.\/model\//.test(line))
        .map((line) => `${f}: ${line}`));
    expect(offending).toEqual([]);
  });

  it('reads what the plan decided of a host, not the design host behind it (`hp.host.`)', () => {
    const reads = readdirSync(__dirname)
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
      .flatMap((f) => readFileSync(join(__dirname, f), 'utf8').split('\n')
        .filter((line) => /\.host\./.test(line))
        .map((line) => `${f}: ${line.trim()}`));
    expect(reads).toEqual([]);
  });
});
