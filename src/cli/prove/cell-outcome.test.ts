import { describe, expect, it } from 'vitest';
import type { MatrixCell } from '../../engine';
import { judgeCell } from './cell-outcome';

const reach: MatrixCell = { from: 'app-1', to: 'pg-1', port: 5432, proto: 'tcp', verdict: { reachable: true, path: ['app-1', 'pg-1'], at: 'pg-1', viaFlow: 'f1' } };
const deny: MatrixCell = { from: 'app-1', to: 'pg-2', port: 5432, proto: 'tcp', verdict: { reachable: false, path: ['app-1', 'hub', 'pg-2'], at: 'hub', reason: 'no flow' } };
const up = { ok: true, detail: 'connected' };
const down = { ok: false, detail: 'timed out after 1 s' };

describe('judgeCell', () => {
  it('agrees when every address behaves as the engine says', () => {
    expect(judgeCell({ cell: reach, addresses: ['10.10.0.1'], skip: null }, [up])).toMatchObject({ expected: 'reach', actual: 'reach', ok: true, host: null });
    expect(judgeCell({ cell: deny, addresses: ['10.10.0.2'], skip: null }, [down])).toMatchObject({ expected: 'deny', actual: 'deny', ok: true });
  });

  it('names the host whose rule admits the cell when it is blocked, and where it should stop when it gets through', () => {
    const blocked = judgeCell({ cell: reach, addresses: ['10.10.0.1'], skip: null }, [down]);
    expect(blocked).toMatchObject({ actual: 'deny', ok: false, host: 'pg-1', detail: '10.10.0.1: timed out after 1 s' });
    expect(blocked.why).toBe('admitted at pg-1 by the rule of flow f1 (path app-1 -> pg-1)');
    const leaked = judgeCell({ cell: deny, addresses: ['10.10.0.2'], skip: null }, [up]);
    expect(leaked).toMatchObject({ actual: 'reach', ok: false, host: 'hub', why: 'blocked at hub: no flow' });
  });

  it('calls one family through and the other not partial, a mismatch either way', () => {
    const r = judgeCell({ cell: reach, addresses: ['10.10.0.1', 'fd10::1'], skip: null }, [up, down]);
    expect(r).toMatchObject({ actual: 'partial', ok: false });
    expect(judgeCell({ cell: deny, addresses: ['10.10.0.2', 'fd10::2'], skip: null }, [down, up]).actual).toBe('partial');
  });

  it('treats no common family as not reached, and a skipped cell as neither passed nor failed', () => {
    expect(judgeCell({ cell: deny, addresses: [], skip: null }, [])).toMatchObject({ actual: 'deny', ok: true });
    expect(judgeCell({ cell: reach, addresses: [], skip: null }, [])).toMatchObject({ actual: 'deny', ok: false });
    expect(judgeCell({ cell: reach, addresses: [], skip: 'UDP is not probed' }, [])).toMatchObject({ actual: 'skipped', ok: true, detail: 'UDP is not probed' });
  });
});
