import { describe, expect, it } from 'vitest';
import { plural, pluralOf } from './plural';

describe('plural', () => {
  it('says one thing in the singular and every other count in the plural, zero included', () => {
    expect(plural(1, 'tunnel')).toBe('1 tunnel');
    expect(plural(2, 'tunnel')).toBe('2 tunnels');
    expect(plural(0, 'flow')).toBe('0 flows');
  });

  it('builds the regular English endings the designer needs', () => {
    expect(['prefix', 'address', 'entry', 'key', 'config', 'batch', 'mesh'].map(pluralOf))
      .toEqual(['prefixes', 'addresses', 'entries', 'keys', 'configs', 'batches', 'meshes']);
  });

  it('takes an irregular plural when given', () => {
    expect(plural(3, 'info', 'info')).toBe('3 info');
    expect(plural(1, 'info', 'info')).toBe('1 info');
  });
});
