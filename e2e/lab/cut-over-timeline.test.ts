import { describe, expect, it } from 'vitest';
import { cutOverTimeline, parseCutOverLog } from './cut-over-timeline';
import type { FlowOutage } from './flow-watch';

const LOG = [
  'cut over at 2026-12-07T03:25:11.216661533Z (scheduled 2026-12-07T03:25:11Z)',
  'no handshake with pg-primary at T+270 ms: a fresh peer entry',
  'no handshake with pg-replica at T+271 ms: a fresh peer entry',
  'woke at T+12 ms, new keys live at T+216 ms',
  '',
].join('\n');

describe('parseCutOverLog', () => {
  it('reads how late the keys went live and which peers were retried', () => {
    expect(parseCutOverLog('app-2', LOG)).toEqual({ host: 'app-2', lateMs: 216, retries: ['pg-primary T+270', 'pg-replica T+271'] });
  });

  it('says so when the waiter never cut over', () => {
    expect(parseCutOverLog('app-1', 'sleeping\n')).toEqual({ host: 'app-1', lateMs: null, retries: [] });
  });
});

describe('cutOverTimeline', () => {
  it('orders hosts by their cut-over and gives each interrupted flow its window against T', () => {
    const at = '2026-12-07T03:25:11Z';
    const t = Date.parse(at);
    const flow = (label: string, window: FlowOutage['window']): FlowOutage => ({
      probe: { label, from: { kind: 'host', id: 'app-2' }, address: '10.0.0.1', port: 5432, kind: 'tcp', hosts: [] },
      attempts: 10, failed: window ? 3 : 0, longestMs: window ? window.to - window.from : 0, downAtEnd: false, errors: '', window,
    });
    const line = cutOverTimeline(at, [parseCutOverLog('app-2', LOG), { host: 'pg-primary', lateMs: 307, retries: [] }, { host: 'app-1', lateMs: 203, retries: [] }], [
      flow('app-2 -> pg-primary:5432', { from: t + 210, to: t + 1020 }),
      flow('app-1 -> pg-primary:5432', null),
    ]);
    expect(line).toBe('cut-overs: app-1 T+203; app-2 T+216 (retried pg-primary T+270, pg-replica T+271); pg-primary T+307. Flows down: app-2 -> pg-primary:5432 T+210..T+1020 ms');
  });
});
