import { describe, expect, it } from 'vitest';
import { listText } from './list-text';

describe('listText', () => {
  it('joins a short list with "and" and cuts a long one with a count', () => {
    expect(listText([])).toBe('');
    expect(listText(['a'])).toBe('a');
    expect(listText(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listText(Array.from({ length: 20_000 }, (_, i) => `h${i}`), 3)).toBe('h0, h1, h2 and 19997 more');
  });
});
