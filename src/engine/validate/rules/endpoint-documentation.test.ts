import { describe, expect, it } from 'vitest';
import { sketchDesign } from '../../testing/design-builder';
import { runRule } from '../../testing/rule-harness';
import { endpointDocumentation } from './endpoint-documentation';

describe('endpoint-documentation', () => {
  it.each([
    ['203.0.113.10:51820', /documentation range 203\.0\.113\.0\/24/], ['198.51.100.1:51820', /198\.51\.100\.0\/24/],
    ['192.0.2.7:51820', /192\.0\.2\.0\/24/], ['[2001:db8::1]:51820', /2001:db8::\/32/],
    ['db1.example.net:51820', /reserved for examples/], ['pg.example:51820', /reserved for examples/],
    ['pg.test:51820', /reserved for examples/], ['x.invalid:51820', /reserved for examples/],
  ])('warns about %s, naming the host', (endpoint, why) => {
    const [f, ...rest] = runRule(endpointDocumentation, sketchDesign({ hosts: [{ id: 'pg', endpoint }, { id: 'app' }] }));
    expect(rest).toEqual([]);
    expect(f?.code).toBe('endpoint-documentation');
    expect(f?.severity).toBe('warning');
    expect(f?.subjects).toEqual({ hosts: ['pg'] });
    expect(f?.message).toMatch(/^The endpoint \S+ of pg /);
    expect(f?.message).toMatch(why);
  });

  it('says nothing of real addresses and names, or of hosts without an endpoint', () => {
    const d = sketchDesign({ hosts: [{ id: 'a', endpoint: '192.0.3.1:51820' }, { id: 'b', endpoint: 'db1.example.de:51820' }, { id: 'c' }] });
    expect(runRule(endpointDocumentation, d)).toEqual([]);
  });
});
