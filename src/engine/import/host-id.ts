import { ID_PATTERN } from '../model/schema';

/**
 * A host id from a config's file name: `hub.conf` -> `hub`; `hub/wg0.conf` -> `hub` (the folder names the host
 * when the file is just the interface); `relay.showconf`, `east.dump`, `east.txt` -> `relay`, `east` (saved
 * `wg showconf` and `wg show all dump` output). Reduced to `[a-z0-9-]`, since ids become folder names.
 */
export function hostIdFor(fileName: string): string {
  const parts = fileName.split(/[\\/]/).filter(Boolean);
  let base = (parts.at(-1) ?? '').replace(/\.(conf|showconf|dump|txt)$/i, '');
  if (/^wg\d*$/i.test(base) && parts.length >= 2) base = parts.at(-2) ?? base;
  return base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`... whichever is free; records it as taken. */
export function uniqueId(base: string, taken: Set<string>): string {
  const root = ID_PATTERN.test(base) ? base : 'host';
  let id = root;
  for (let n = 2; taken.has(id); n++) id = `${root}-${n}`;
  taken.add(id);
  return id;
}

/** `a, b, c and 97 more`: a long list of ids as one line of the import report. */
export function listed(ids: readonly string[], max = 8): string {
  return ids.length > max ? `${ids.slice(0, max).join(', ')} and ${ids.length - max} more` : ids.join(', ');
}
