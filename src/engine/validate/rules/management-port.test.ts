import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { afterFix, fixed, runRule } from '../../testing/rule-harness';
import { managementPort } from './management-port';

const design = (managementPort: number, ports: number[]) => sketchDesign({
  network: { managementPort },
  hosts: ports.map((port, i) => ({ id: `db-${i}`, role: 'db', endpoint: ep(i + 1), database: { engine: 'other', port } })),
});

describe('management-port', () => {
  it('reports a management port that is a database port: the database would be open to the underlay', () => {
    const d = design(5432, [5432, 3306]);
    const [f] = runRule(managementPort, d);
    expect(f?.code).toBe('management-port-conflict');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe('The management port 5432 is the database port of db-0: every firewall accepts the management port from anywhere, so the database would be open to the underlay. Use another management port.');
    expect(fixed(d, f).network.managementPort).toBe(22);
    expect(afterFix(managementPort, d, f)).toEqual([]);
  });

  it('offers a port no database uses', () => {
    expect(runRule(managementPort, design(22, [22]))[0]?.fix?.label).toBe('Set the management port to 2222');
  });

  it('says nothing when the ports differ', () => {
    expect(runRule(managementPort, design(22, [5432]))).toEqual([]);
  });
});
