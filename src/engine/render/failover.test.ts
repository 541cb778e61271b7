import { describe, expect, it } from 'vitest';
import { planPromotions } from '../failover/promotions';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { fixtureDesign } from '../testing/fixture-design';
import { failoverStatePath, renderFailoverReadme, renderPromoteScript } from './failover';

describe('renderPromoteScript', () => {
  const plan = buildPlan(fixtureDesign('primary-replica'));
  const [promotion] = planPromotions(plan);
  if (!promotion) throw new Error('the fixture has a failover group');
  const script = (id: string) => renderPromoteScript(promotion, plan.byId.get(id) as HostPlan, promotion.after.byId.get(id) as HostPlan, 'nftables', false);

  it('sets states rather than making changes, so a second run changes nothing', () => {
    const replica = script('pg-replica');
    expect(replica).toContain('ip address replace 10.20.0.100/32 dev wg0');
    expect(replica).not.toMatch(/ip (address|route) add /);
    expect(script('pg-primary')).toContain('ip address del 10.20.0.100/32 dev wg0 2>/dev/null || true');
  });

  it('records the promoted member last, installing the bundle\'s state file like the others', () => {
    const lines = script('app-1').trimEnd().split('\n');
    expect(failoverStatePath('orders')).toBe('/etc/wg-designer/failover-orders.state');
    expect(lines.slice(-2)).toEqual([
      'install -m 644 failover-orders.state /etc/wg-designer/failover-orders.state',
      'echo "failover orders: host app-1 now sends 10.20.0.100/32 to pg-replica"',
    ]);
  });

  it('tells in the group README the way back, the hooks and the promote command', () => {
    const md = renderFailoverReadme(promotion, ['pg-primary', 'pg-replica']);
    expect(md).toContain('`failover/promote-pg-primary.sh` is the way back');
    expect(md).toContain('pg-replica/failover/hooks/orders/');
    expect(md).toContain('wg-designer promote <design.json> --group orders');
  });
});
