import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'wgd-promote-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = new URL('../engine/__fixtures__/primary-replica.json', import.meta.url).pathname;

function copy(name: string): { path: string; text: string } {
  const text = readFileSync(fixture, 'utf8');
  const path = join(dir, `${name}.json`);
  writeFileSync(path, text, { mode: 0o640 });
  return { path, text };
}

describe('wg-designer promote', () => {
  it('swaps the group\'s primary and replica, every other byte of the hand-formatted file and its mode kept', async () => {
    const { path, text } = copy('swap');
    const keys = join(dir, 'swap.keys.json');
    writeFileSync(keys, '{"keys":"untouched"}\n');
    const r = await cli('promote', path, '--group', 'orders');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('orders: pg-replica is now the primary and pg-primary the replica');
    expect(readFileSync(path, 'utf8')).toBe(text.replace('"primary": "pg-primary", "replica": "pg-replica"', '"primary": "pg-replica", "replica": "pg-primary"'));
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readFileSync(keys, 'utf8')).toBe('{"keys":"untouched"}\n');
  });

  it('with --host, makes that member primary once; repeated, it changes nothing', async () => {
    const { path } = copy('host');
    expect((await cli('promote', path, '--group', 'orders', '--host', 'pg-replica')).code).toBe(0);
    const once = readFileSync(path, 'utf8');
    const again = await cli('promote', path, '--group', 'orders', '--host', 'pg-replica');
    expect(again.code).toBe(0);
    expect(again.err).toContain('pg-replica is already the primary');
    expect(readFileSync(path, 'utf8')).toBe(once);
  });

  it('names the flag or file that is wrong, and changes nothing', async () => {
    const { path, text } = copy('bad');
    const cases: Array<[string[], number, string]> = [
      [['promote', path], 2, 'promote needs --group <failover group id>'],
      [['promote', path, '--group', 'billing'], 2, '--group billing: the design has no failover group "billing" (its groups: orders)'],
      [['promote', path, '--group', 'orders', '--host', 'app-1'], 2, '--host app-1: not a member of failover group orders'],
      [['promote', join(dir, 'missing.json'), '--group', 'orders'], 1, `cannot read ${join(dir, 'missing.json')}: no such file (ENOENT)`],
    ];
    for (const [argv, code, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(code);
      expect(r.err).toContain(message);
    }
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});
