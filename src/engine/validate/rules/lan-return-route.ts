import { addressOf, formatAddress } from '../../net';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { listText, net } from '../text';

/**
 * Flows into a gateway's lan without masquerade. The gateway forwards them with their overlay source, so the
 * machines on the lan (a managed database, say) must route the overlay back through that gateway; the designer
 * cannot see the lan's routing, so it says what the lan needs. The fix turns masquerade on.
 */
export const lanReturnRoute: Rule = {
  id: 'lan-return-route',
  codes: ['lan-return-route'],
  run({ plan, index, label }) {
    const sources = new Map<string, { addresses: Set<string>; flows: Set<string> }>();
    for (const f of plan.flows) {
      if (!f.toService || !f.path || index.host(f.to)?.masquerade !== false) continue;
      const entry = sources.get(f.to) ?? { addresses: new Set(), flows: new Set() };
      for (const s of f.sources) entry.addresses.add(formatAddress(addressOf(s)));
      if (index.flow(f.flowId)) entry.flows.add(f.flowId);
      sources.set(f.to, entry);
    }
    return [...sources].map(([gateway, { addresses, flows }]): Finding => ({
      code: 'lan-return-route',
      severity: 'info',
      message: `${label(gateway)} forwards flows into ${listText(index.lans(gateway).map(net))} without masquerade, so the machines there must route ${listText([...addresses])} back through ${gateway}; otherwise their replies never reach the tunnel.`,
      subjects: { hosts: [gateway], flows: [...flows] },
      fix: { label: `Masquerade the overlay behind ${label(gateway)}`, changes: [{ target: 'host', id: gateway, set: { masquerade: true } }] },
    }));
  },
};
