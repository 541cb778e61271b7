// Import cycles among the TypeScript files under a folder, as `madge --circular` reports them (type-only imports
// count: a cycle of types is still two modules that cannot be read, moved or tested apart). Relative imports only;
// packages cannot import us back. Run: node scripts/import-cycles.mjs [src]   (exit 1 when a cycle is found)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT = /^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]|^\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/gm;
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), base.replace(/\.js$/, '.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Every cycle (as a list of files relative to `root`, first file repeated at the end), one per strongly connected group. */
export function findImportCycles(root) {
  const files = sourceFiles(root);
  const edges = new Map(files.map((f) => [f, [...readFileSync(f, 'utf8').matchAll(IMPORT)]
    .map((m) => resolveImport(f, m[1] ?? m[2])).filter((t) => t !== null)]));
  // Tarjan's strongly connected components; each component of more than one file (or a self-import) is a cycle.
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const group = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(cyclePath(group, edges).map((f) => relative(root, f)));
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles;
}

/** One concrete loop through a strongly connected group, from its first file by name (breadth-first, shortest). */
function cyclePath(group, edges) {
  const members = new Set(group);
  const start = [...group].sort()[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of edges.get(v) ?? []) {
      if (w === start) {
        const path = [start];
        for (let at = v; at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (members.has(w) && !previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? 'src');
  const cycles = findImportCycles(root);
  for (const c of cycles) process.stdout.write(`import cycle: ${c.join(' > ')}\n`);
  process.stdout.write(cycles.length === 0 ? `no import cycle in ${root}\n` : `${cycles.length} import cycles in ${root}\n`);
  process.exit(cycles.length === 0 ? 0 : 1);
}
