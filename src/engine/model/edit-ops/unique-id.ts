/** `stem`, or `stem-2`, `stem-3`... whichever is free; `numbered` starts at `stem-1` instead of the bare stem. */
export function uniqueId(stem: string, taken: ReadonlySet<string>, numbered = false): string {
  if (!numbered && !taken.has(stem)) return stem;
  for (let n = numbered ? 1 : 2; ; n++) {
    const id = `${stem}-${n}`;
    if (!taken.has(id)) return id;
  }
}
