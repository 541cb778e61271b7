import { ID_PATTERN } from '../schema';

/** Turns free text into a `[a-z0-9-]` id stem: `Orders API #2` -> `orders-api-2`. */
export function slug(text: string, fallback: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return ID_PATTERN.test(s) ? s : fallback;
}

/** `stem`, or `stem-2`, `stem-3`... whichever is free; `numbered` starts at `stem-1` instead of the bare stem. */
export function uniqueId(stem: string, taken: ReadonlySet<string>, numbered = false): string {
  if (!numbered && !taken.has(stem)) return stem;
  for (let n = numbered ? 1 : 2; ; n++) {
    const id = `${stem}-${n}`;
    if (!taken.has(id)) return id;
  }
}
