import type { BundleFile } from '../bundle/bundle-files';

/** A wg-quick hook line in any case or spacing: wg-quick runs its value through bash as root. */
export const HOOK_LINE = /^\s*(Pre|Post)(Up|Down)\s*=/im;
/** Every zip entry: the bundle folder, then id-named folders, then a fixed file name. */
export const ZIP_PATH = /^[a-z0-9-]+\/(?:[a-z0-9-]+\/)*[A-Za-z0-9._-]+$/;
/** Characters no generated text file may hold (newline aside): controls, format, separators, private, unassigned, lone surrogates. */
const UNSAFE_CHAR = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/u;

/**
 * What must hold of every file of every exported bundle, whatever the design held; returns one line per breach.
 * `marker` is text every payload carries (the canary directory): it may appear in configs, rulesets and scripts
 * only on `#` comment lines.
 */
export function bundleBreaches(files: readonly BundleFile[], marker: string): string[] {
  const out: string[] = [];
  for (const f of files) {
    const where = (line: number) => `${f.path}:${line + 1}`;
    if (!/^(?:[a-z0-9-]+\/)*[A-Za-z0-9._-]+$/.test(f.path) || f.path.includes('..')) out.push(`${f.path}: path not from ids`);
    if (f.path.endsWith('.conf') && HOOK_LINE.test(f.content)) out.push(`${f.path}: has a hook line`);
    if (f.path === 'design.json') continue;
    f.content.split('\n').forEach((line, i) => {
      const bad = UNSAFE_CHAR.exec(line);
      if (bad) out.push(`${where(i)}: holds U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
      if (f.path !== 'README.md' && line.includes(marker) && !/^\s*#/.test(line)) out.push(`${where(i)}: user text outside a comment: ${line.slice(0, 120)}`);
    });
    if (f.path === 'README.md' && /<\s*(script|img|iframe|svg)/i.test(f.content)) out.push('README.md: holds HTML from user text');
  }
  return out;
}

/** Every object in `value` is a plain object or array, with no `__proto__`, `constructor` or `polluted` key of its own. */
export function plainJsonBreaches(value: unknown, path = 'design'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const proto: unknown = Object.getPrototypeOf(value);
  const out: string[] = [];
  if (proto !== Object.prototype && proto !== Array.prototype) out.push(`${path}: has a foreign prototype`);
  for (const key of Reflect.ownKeys(value)) {
    if (key === '__proto__' || key === 'constructor' || key === 'polluted') out.push(`${path}.${String(key)}: merged from input`);
    if (typeof key === 'string') out.push(...plainJsonBreaches((value as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return out;
}
