import { describe, expect, it } from 'vitest';
import type { Host } from '../model/design';
import { ByHost } from './by-host';
import { numberHosts } from './host-numbers';
import { pushTo } from './push-to';

const numbers = numberHosts(['a', 'b', 'a', 'c'].map((id) => ({ id }) as Host));

describe('ByHost', () => {
  it('keeps a value per known host id, by the numbering', () => {
    const t = new ByHost<string>(numbers);
    t.set('c', 'C');
    t.set('a', 'A');
    expect(t.get('a')).toBe('A');
    expect(t.get('c')).toBe('C');
    expect(t.at(numbers.number.get('c') as number)).toBe('C');
    expect(t.get('b')).toBeUndefined();
    expect(t.has('b')).toBe(false);
    expect(t.has('a')).toBe(true);
  });

  it('gives two hosts with one id one slot, the last set winning, as a Map by id would', () => {
    const t = new ByHost<number>(numbers);
    t.set('a', 1);
    t.set('a', 3);
    expect(t.get('a')).toBe(3);
  });

  it('has no slot for an id the numbering does not know', () => {
    const t = new ByHost<number>(numbers);
    t.set('zz', 1);
    expect(t.get('zz')).toBeUndefined();
    expect(t.has('zz')).toBe(false);
  });

  it('takes lists through pushTo, as a Map does', () => {
    const t = new ByHost<string[]>(numbers);
    pushTo(t, 'b', 'x');
    pushTo(t, 'b', 'y');
    expect(t.get('b')).toEqual(['x', 'y']);
  });
});
