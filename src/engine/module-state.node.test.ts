import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = new URL('.', import.meta.url).pathname;
// Issue 21's check: a module-level `let`/`var`, or a module-level Map, Set, WeakMap, typed array or store.
const MUTABLE = /^(let |var )|^const [A-Za-z_]+ = new (Map|Set|WeakMap|[A-Z][A-Za-z]*Array|[A-Z][a-z]+Store)/;
/** The declared process settings, each with the comment saying why (file -> the line's start). */
const SETTINGS: Record<string, string> = { 'keys/x25519-backend.ts': 'let active: X25519Base' };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__fixtures__' || e.name === '__snapshots__' ? [] : sources(path);
    return e.name.endsWith('.ts') && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('src/engine keeps no module-level mutable state', () => {
  it('has no module-level let, var or collection but the declared process settings, each explained', () => {
    const found: string[] = [];
    for (const file of sources(ENGINE)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!MUTABLE.test(line)) return;
        const name = relative(ENGINE, file);
        const setting = SETTINGS[name];
        if (setting && line.startsWith(setting) && /process setting/.test(lines.slice(Math.max(0, i - 4), i).join('\n'))) return;
        found.push(`${name}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});
