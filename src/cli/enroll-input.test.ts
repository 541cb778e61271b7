import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnrollFile } from './enroll-input';

const dir = mkdtempSync(join(tmpdir(), 'wgd-enroll-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (text: string) => {
  const path = join(dir, `k${text.length}.txt`);
  writeFileSync(path, text);
  return path;
};

describe('readEnrollFile', () => {
  it('reads "host-id key" lines, skipping blank lines and # comments (CRLF too), each with its file:line', () => {
    const path = file('# from ansible\r\n\r\npg-1  AAA=\t# a comment\r\n  pg-2 BBB=\r\n');
    expect(readEnrollFile(path)).toEqual([
      { host: 'pg-1', publicKey: 'AAA=', where: `${path}:3` },
      { host: 'pg-2', publicKey: 'BBB=', where: `${path}:4` },
    ]);
  });

  it('names every line that does not have two fields, and refuses a file with no entries', () => {
    const path = file('pg-1\npg-2 K L\npg-3 K\n');
    expect(() => readEnrollFile(path)).toThrow(`${path}:1: expected "host-id public-key", got 1 field\n  ${path}:2: expected "host-id public-key", got 3 fields`);
    const empty = file('# nothing\n');
    expect(() => readEnrollFile(empty)).toThrow('no "host-id public-key" lines');
  });
});
