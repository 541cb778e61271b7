import { describe, expect, it } from 'vitest';
import { failoverGuardLines, failoverRecordLines } from './install-failover';

describe('install.sh failover guard', () => {
  const groups = [{ id: 'orders', primary: 'pg-1' }, { id: 'billing', primary: 'pg-3' }];

  it('checks each group\'s state file against the bundle\'s primary, and writes nothing without groups', () => {
    expect(failoverGuardLines([])).toEqual([]);
    expect(failoverRecordLines([])).toEqual([]);
    const text = failoverGuardLines(groups).join('\n');
    expect(text).toContain('if [ -f /etc/wg-designer/failover-orders.state ]; then');
    expect(text).toContain('  if [ "$active" != pg-1 ]; then');
    expect(text).toContain('  if [ "$active" != pg-3 ]; then');
    expect(text).toContain('"${WG_DESIGNER_ALLOW_FAILBACK:-0}" = 1');
  });

  it('records the bundle\'s primary only where a promote script left a state file', () => {
    expect(failoverRecordLines(groups)[0]).toBe(
      "if [ -f /etc/wg-designer/failover-orders.state ]; then printf '%s\\n' pg-1 > /etc/wg-designer/failover-orders.state.new && mv -f /etc/wg-designer/failover-orders.state.new /etc/wg-designer/failover-orders.state; fi",
    );
  });
});
