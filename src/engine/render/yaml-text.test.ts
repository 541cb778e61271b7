import { describe, expect, it } from 'vitest';
import { yamlQuoted, yamlText } from './yaml-text';

describe('yamlQuoted', () => {
  it('leaves printable ASCII as is but quotes and backslashes, and escapes everything else', () => {
    expect(yamlQuoted('wg-quick@wg0')).toBe('"wg-quick@wg0"');
    expect(yamlQuoted('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(yamlQuoted('x\ny\tz\u0085\u2028é😀')).toBe('"x\\x0ay\\x09z\\x85\\u2028\\xe9\\U0001f600"');
  });
});

describe('yamlText', () => {
  it('writes a generated file as a block literal indented under its key', () => {
    expect(yamlText('content', '# a: b\n\n[Interface]\n', '    ')).toEqual(['    content: |', '      # a: b', '', '      [Interface]']);
  });

  it('keeps printable non-ASCII in a block (user text on comment lines)', () => {
    expect(yamlText('content', '# Café\n', '')).toEqual(['content: |', '  # Café']);
  });

  it('falls back to a quoted scalar for anything a block literal would not keep exactly', () => {
    for (const text of ['no newline', 'two\n\n', '\n', ' leading space\n', 'a\n   \nb\n', 'tab\there\n', 'cr\r\n', 'ls\u2028x\n', 'nel\u0085x\n', '\ufeffbom\n']) {
      expect(yamlText('k', text, ''), JSON.stringify(text)).toEqual([`k: ${yamlQuoted(text)}`]);
    }
  });
});
