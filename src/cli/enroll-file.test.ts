import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setPublicKeysInFile } from './enroll-file';

const dir = mkdtempSync(join(tmpdir(), 'wgd-enroll-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KEY = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';

describe('setPublicKeysInFile', () => {
  it('changes only the named hosts\' publicKey, keeping the file\'s mode and, in 2-space JSON, every other line', () => {
    const path = join(dir, 'd.json');
    const raw = { name: 'x', hosts: [{ id: 'a', publicKey: null, extra: [1, 2] }, { id: 'b' }] };
    const before = `${JSON.stringify(raw, null, 2)}\n`;
    writeFileSync(path, before, { mode: 0o640 });
    expect(setPublicKeysInFile(path, new Map([['a', KEY]]))).toEqual({ reformatted: false });
    const after = readFileSync(path, 'utf8');
    expect(after).toBe(before.replace('"publicKey": null', `"publicKey": "${KEY}"`));
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('says when a file in another layout was rewritten', () => {
    const path = join(dir, 'compact.json');
    writeFileSync(path, '{"hosts":[{"id":"a"}]}');
    expect(setPublicKeysInFile(path, new Map([['a', KEY]]))).toEqual({ reformatted: true });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ hosts: [{ id: 'a', publicKey: KEY }] });
  });
});
