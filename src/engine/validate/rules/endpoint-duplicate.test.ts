import { describe, expect, it } from 'vitest';
import { sketchDesign } from '../../testing/design-builder';
import { runRule } from '../../testing/rule-harness';
import { endpointDuplicate } from './endpoint-duplicate';

describe('endpoint-duplicate', () => {
  it('reports two hosts with one endpoint, however it is spelled', () => {
    const d = sketchDesign({ hosts: [
      { id: 'a', endpoint: '[2001:DB8::1]:51820' }, { id: 'b', endpoint: '[2001:db8:0::1]:51820' }, { id: 'c', endpoint: '198.51.100.1:51820' },
    ] });
    const [f] = runRule(endpointDuplicate, d);
    expect(f?.code).toBe('endpoint-duplicate');
    expect(f?.severity).toBe('error');
    expect(f?.message).toMatch(/^a and b share the endpoint \[2001:db8::1\]:51820: it is one UDP socket/);
  });

  it('says nothing of hosts behind one address on different ports', () => {
    const d = sketchDesign({ hosts: [{ id: 'a', endpoint: '198.51.100.1:51820' }, { id: 'b', endpoint: '198.51.100.1:51821' }] });
    expect(runRule(endpointDuplicate, d)).toEqual([]);
  });
});
