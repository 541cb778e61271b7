import { describe, expect, it } from 'vitest';
import { countChecks, renderFailures, renderOutages, renderTable } from './report-table';
import type { DesignResult } from './results';

const ok = (group: 'tunnel' | 'flow' | 'denial' | 'mtu' | 'drift', label = 'x') => ({ group, label, ok: true, detail: '' });

const designs: DesignResult[] = [
  { design: 'p2p', hosts: 2, seconds: 7.2, error: null, notPresent: ['failover'], outages: { 'rotate --all': 212, 're-install': 0 },
    results: [ok('tunnel'), ok('flow'), ok('denial'), { group: 'denial', label: 'a -> b:7777', ok: false, detail: 'GOT THROUGH' }, ok('mtu'), ok('drift'), ok('drift')] },
  { design: 'broken', hosts: 0, seconds: 1, error: 'install.sh failed', notPresent: [], results: [], outages: {} },
];

describe('the lab report', () => {
  it('prints one row per design with passed/total per column and the verdict', () => {
    expect(renderTable(designs).split('\n')).toEqual([
      'design | hosts | tunnels up | flows passed | denials held | MTU checks | NAT keepalive | add host, re-install | key rotation | failover    | key custody | drift | prove cells | time | result',
      '-------|-------|------------|--------------|--------------|------------|---------------|----------------------|--------------|-------------|-------------|-------|-------------|------|-------',
      'p2p    | 2     | 1/1        | 1/1          | 1/2          | 1/1        | -             | -                    | -            | not present | -           | 2/2   | -           | 7 s  | FAIL',
      'broken | 0     | -          | -            | -            | -          | -             | -                    | -            | -           | -           | -     | -           | 1 s  | ERROR',
    ]);
  });

  it('lists the longest flow outage of each day-2 change, design by design', () => {
    expect(renderOutages(designs).split('\n')).toEqual([
      'design | change       | longest flow outage',
      '-------|--------------|--------------------',
      'p2p    | rotate --all | 212 ms',
      'p2p    | re-install   | 0 ms',
    ]);
  });

  it('lists every failure and counts a design error as a failed check', () => {
    expect(renderFailures(designs)).toEqual(['p2p: denial FAILED a -> b:7777: GOT THROUGH', 'broken: ERROR install.sh failed']);
    expect(countChecks(designs)).toEqual({ passed: 6, failed: 2 });
  });
});
