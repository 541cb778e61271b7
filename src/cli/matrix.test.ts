import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'wgd-matrix-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** app-1 -> hub -> pg on 5432, with the given tests, written to a file. */
function designFile(name: string, tests: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({
    format: 'wg-designer/1',
    name: 'orders',
    hosts: [
      { id: 'hub', role: 'gateway', endpoint: '198.18.0.1:51820' },
      { id: 'pg', role: 'db', endpoint: '198.18.0.2:51820' },
      { id: 'app-1', role: 'app' },
    ],
    tunnels: [{ id: 't1', a: 'hub', b: 'pg' }, { id: 't2', a: 'hub', b: 'app-1' }],
    flows: [{ id: 'f1', from: 'app-1', to: 'pg' }],
    tests,
  }));
  return path;
}

describe('wg-designer matrix', () => {
  const passing = designFile('ok.json', [{ from: 'app-1', reach: ['pg:5432'], never: ['pg:22'] }]);

  it('prints a truth table, rows from and columns to:port', async () => {
    const r = await cli('matrix', passing);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').map((l) => l.replace(/ +/g, ' '));
    expect(lines).toEqual([
      'from hub:22 hub:5432 pg:22 pg:5432 app-1:22 app-1:5432',
      'hub · · ✗ ✗ ✗ ✗',
      'pg ✗ ✗ · · ✗ ✗',
      'app-1 ✗ ✗ ✗ ✓ · ·',
    ]);
  });

  it('gives the reasons with --json and a line per cell with --csv; not both', async () => {
    const json = JSON.parse((await cli('matrix', passing, '--json')).out);
    expect(json.cells).toContainEqual({ from: 'app-1', to: 'pg', port: 5432, proto: 'tcp', verdict: { reachable: true, path: ['app-1', 'hub', 'pg'], at: 'pg', viaFlow: 'f1' } });
    const csv = (await cli('matrix', passing, '--csv')).out.split('\r\n');
    expect(csv).toContain('app-1,pg,5432,tcp,reach,pg,flow f1');
    // A header and 3 hosts x 6 columns, less each host's own 2.
    expect(csv).toHaveLength(1 + 12);
    const both = await cli('matrix', passing, '--json', '--csv');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/^wg-designer: matrix takes --json or --csv, not both/);
  });

  it('validate and export refuse a design whose test fails; export --force writes it', async () => {
    const failing = designFile('fail.json', [{ from: 'app-1', never: ['pg:5432'] }]);
    const v = await cli('validate', failing);
    expect(v.code).toBe(1);
    expect(v.out).toContain('ERROR   test-never-reached: Test tests[0].never[0] (app-1 must never reach pg:5432) fails: app-1 -> pg gets through on tcp/5432, admitted at pg by the rule of flow f1 (path app-1 -> hub -> pg).');
    expect((await cli('validate', passing)).code).toBe(0);
    const refused = await cli('export', failing, '-o', join(dir, 'x.zip'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('error: test-never-reached');
    expect((await cli('export', failing, '-o', join(dir, 'x.zip'), '--force')).code).toBe(0);
    expect(readFileSync(join(dir, 'x.zip')).length).toBeGreaterThan(0);
  });

  it('names a bad test field and exits 1', async () => {
    const r = await cli('matrix', designFile('bad.json', [{ from: 'app-1', never: ['pg:99999'] }]));
    expect(r.code).toBe(1);
    expect(r.err).toContain('tests[0].never[0]: port 99999 is out of range 1-65535');
  });
});
