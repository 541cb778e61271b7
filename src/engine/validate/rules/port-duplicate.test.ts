import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { runRule } from '../../testing/rule-harness';
import { portDuplicate } from './port-duplicate';

const gw = (services: Array<{ id: string; address: string; port: number }>) =>
  sketchDesign({ hosts: [{ id: 'gw', name: 'VPC', role: 'gateway', endpoint: ep(1), lans: ['172.31.0.0/16'], services }] });

describe('port-duplicate', () => {
  it('reports two services on one address and port', () => {
    const [f] = runRule(portDuplicate, gw([{ id: 'orders', address: '172.31.0.5', port: 5432 }, { id: 'billing', address: '172.31.0.5', port: 5432 }]));
    expect(f?.code).toBe('port-duplicate');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe('Services orders and billing behind VPC (gw) both listen on 172.31.0.5:5432: one socket cannot be two services, so flows to one would reach the other. Correct the address or port of one.');
  });

  it('says nothing of one port on two addresses (two managed databases) or two ports on one address', () => {
    expect(runRule(portDuplicate, gw([{ id: 'a', address: '172.31.0.5', port: 5432 }, { id: 'b', address: '172.31.0.6', port: 5432 }]))).toEqual([]);
    expect(runRule(portDuplicate, gw([{ id: 'a', address: '172.31.0.5', port: 5432 }, { id: 'b', address: '172.31.0.5', port: 6432 }]))).toEqual([]);
  });
});
