import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script with no declarations; its one export is typed by this use.
import { findImportCycles } from '../scripts/import-cycles.mjs';

const cyclesIn = findImportCycles as (root: string) => string[][];

describe('import cycles', () => {
  it('finds none in src', () => {
    expect(cyclesIn(resolve(__dirname))).toEqual([]);
  });

  it('finds a cycle of type-only imports across folders, and names its files in order', () => {
    const root = mkdtempSync(join(tmpdir(), 'wgd-cycles-'));
    try {
      mkdirSync(join(root, 'model'));
      writeFileSync(join(root, 'model', 'parse.ts'), "import { check } from './check';\nexport interface Problem { path: string }\n");
      writeFileSync(join(root, 'model', 'check.ts'), "import type { Problem } from './parse';\nexport const check = (): Problem[] => [];\n");
      writeFileSync(join(root, 'free.ts'), "import { check } from './model/check';\nexport const x = check;\n");
      expect(cyclesIn(root)).toEqual([['model/check.ts', 'model/parse.ts', 'model/check.ts']]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
