import { describe, expect, it } from 'vitest';
import { droppedKeyFindings } from './dropped-keys';

describe('droppedKeyFindings', () => {
  it('is one warning per host, saying the key was left out and how to enroll one made on the host', () => {
    const [f, ...rest] = droppedKeyFindings(['pg-1']);
    expect(rest).toEqual([]);
    expect(f?.code).toBe('private-key-host-custody');
    expect(f?.severity).toBe('warning');
    expect(f?.subjects).toEqual({ hosts: ['pg-1'] });
    expect(f?.message).toContain('left out of the bundle');
    expect(f?.message).toContain('wg-designer enroll design.json --host pg-1 --public-key <KEY> --replace');
  });
});
