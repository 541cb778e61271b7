import { describe, expect, it } from 'vitest';
import { formatPrefix, parsePrefix } from '../net';
import { freePrefixLike } from './free-prefix';

const free = (wanted: string, taken: string[]) => {
  const p = freePrefixLike(parsePrefix(wanted), taken.map(parsePrefix));
  return p && formatPrefix(p);
};

describe('freePrefixLike', () => {
  it('takes the next block of the same size', () => {
    expect(free('192.168.1.0/24', ['192.168.1.0/24'])).toBe('192.168.2.0/24');
  });

  it('jumps past taken ranges of any size, nested or not', () => {
    expect(free('10.20.0.0/24', ['10.20.0.0/16', '10.21.0.0/24', '10.21.1.0/25'])).toBe('10.21.2.0/24');
  });

  it('wraps round to the start of the private range', () => {
    expect(free('192.168.255.0/24', ['192.168.255.0/24'])).toBe('192.168.0.0/24');
  });

  it('answers null when the range is full or the prefix is not private', () => {
    expect(free('192.168.1.0/24', ['192.168.0.0/16'])).toBeNull();
    expect(free('198.51.100.0/24', [])).toBeNull();
  });

  it('works for IPv6 unique local ranges', () => {
    expect(free('fd00:1::/64', ['fd00:1::/64', 'fd00:1:0:1::/64'])).toBe('fd00:1:0:2::/64');
  });
});
