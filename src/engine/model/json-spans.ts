/**
 * Where each value of a JSON document sits in its text, by path (`spanKey(["failover", 0, "primary"])`). It lets
 * an edit replace one value and keep every other byte of a hand-formatted file. Only for text `JSON.parse`
 * accepted: it checks no syntax of its own.
 */
export function jsonValueSpans(text: string): Map<string, { start: number; end: number }> {
  const spans = new Map<string, { start: number; end: number }>();
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++; };
  const string = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: readonly (string | number)[]): void => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      ws();
      for (let n = 0; text[i] !== (c === '{' ? '}' : ']'); n++) {
        ws();
        if (c === '{') {
          const key = string();
          ws();
          i++; // the colon
          value([...path, key]);
        } else {
          value([...path, n]);
        }
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !',]} \t\r\n'.includes(text[i] as string)) i++;
    }
    spans.set(spanKey(path), { start, end: i });
  };
  value([]);
  return spans;
}

/** The span key of a path: its JSON, so no key (not even `""` or one holding a separator) can pass for another path. */
export function spanKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}
