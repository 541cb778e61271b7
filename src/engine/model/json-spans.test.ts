import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonValueSpans, spanKey } from './json-spans';

/** Every path of a JSON value with the value there. */
function paths(v: unknown, path: Array<string | number> = []): Array<[Array<string | number>, unknown]> {
  const here: Array<[Array<string | number>, unknown]> = [[path, v]];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => paths(x, [...path, i]))];
  if (v !== null && typeof v === 'object') return [...here, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...path, k]))];
  return here;
}

describe('jsonValueSpans', () => {
  it('finds every value, escapes and nesting included', () => {
    const text = '{"a": [1, {"b": "x\\"]}"}, true], "c" : null}';
    const spans = jsonValueSpans(text);
    const at = (path: Array<string | number>) => { const s = spans.get(spanKey(path)); return s && text.slice(s.start, s.end); };
    expect(at(['a', 1, 'b'])).toBe('"x\\"]}"');
    expect(at(['a', 0])).toBe('1');
    expect(at(['a', 2])).toBe('true');
    expect(at(['c'])).toBe('null');
    expect(at([])).toBe(text);
  });

  it('gives, for any JSON in any indentation, a span that parses to the value at its path', () => {
    const keys = fc.string({ maxLength: 6 }).filter((k) => k !== '__proto__');
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(),
        fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(keys, tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(fc.property(json, fc.constantFrom(0, 1, 2, '\t'), (v, indent) => {
      const text = JSON.stringify(v, null, indent);
      const spans = jsonValueSpans(text);
      for (const [path, x] of paths(JSON.parse(text))) {
        const s = spans.get(spanKey(path));
        expect(s, JSON.stringify(path)).toBeDefined();
        expect(JSON.parse(text.slice(s!.start, s!.end))).toEqual(x);
      }
    }));
  });
});
