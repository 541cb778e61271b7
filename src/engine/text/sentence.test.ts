import { describe, expect, it } from 'vitest';
import { sentence } from './sentence';

describe('sentence', () => {
  it('capitalises a leading lower-case word', () => {
    expect(sentence('the link is damaged')).toBe('The link is damaged');
    expect(sentence('not valid JSON: x')).toBe('Not valid JSON: x');
  });

  it('leaves a path, a file name or text already capitalised as it is', () => {
    expect(sentence('hosts[0] (a).mtu: MTU must be at most 65535 bytes')).toBe('hosts[0] (a).mtu: MTU must be at most 65535 bytes');
    expect(sentence('wg0.conf is missing')).toBe('wg0.conf is missing');
    expect(sentence('Already')).toBe('Already');
    expect(sentence('')).toBe('');
  });
});
