import { addressOf, formatPrefix, hostBits, hostPrefix, isHostPrefix, parsePrefix } from '../../net';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { addr, listText, net } from '../text';

/**
 * Prefixes that parse but do not say what they mean. A lan or pool with host bits (`10.20.0.5/24`) is read as its
 * network, and `ip route` refuses it as written. An overlay address wider than a host route (`10.0.0.2/24`) makes
 * wg-quick route the whole /24 into wg0 on that host, while its peers route only the one address to it.
 */
export const prefixForm: Rule = {
  id: 'prefix-form',
  codes: ['prefix-host-bits', 'address-not-host-route'],
  run({ design, index, label }) {
    const out: Finding[] = [];
    for (const [role, text] of Object.entries(design.network.pools)) {
      if (typeof text !== 'string' || !hostBits(parsePrefix(text))) continue;
      const fixed = net(parsePrefix(text));
      out.push({
        code: 'prefix-host-bits',
        severity: 'warning',
        message: `The ${role} pool ${text} has host bits set; it is read as ${fixed}. Write ${fixed}.`,
        subjects: {},
        fix: { label: `Set the ${role} pool to ${fixed}`, changes: [{ target: 'network', set: { [`pools.${role}`]: fixed } }] },
      });
    }
    for (const h of design.hosts) {
      const lans = h.lans.map(parsePrefix);
      const badLans = lans.filter(hostBits);
      if (badLans.length > 0) {
        const shown = badLans.map((p) => `${formatPrefix(p)} (read as ${net(p)})`);
        out.push({
          code: 'prefix-host-bits',
          severity: 'warning',
          message: `${label(h.id)} has ${badLans.length === 1 ? 'a lan' : 'lans'} with host bits set: ${listText(shown)}. \`ip route\` refuses such a prefix as written. Write the network, or a /${badLans[0]?.family === 6 ? 128 : 32} if one address was meant.`,
          subjects: { hosts: [h.id] },
          fix: { label: `Write ${label(h.id)}'s lans as networks`, changes: [{ target: 'host', id: h.id, set: { lans: lans.map(net) } }] },
        });
      }
      if (h.external) continue;
      const addresses = index.parsed(h.id)?.addresses ?? [];
      const wide = addresses.filter((p) => !isHostPrefix(p));
      if (wide.length === 0) continue;
      const routes = addresses.map((p) => formatPrefix(hostPrefix(addressOf(p))));
      out.push({
        code: 'address-not-host-route',
        severity: 'warning',
        message: `${label(h.id)}'s overlay address ${listText(wide.map(formatPrefix))} is not a host route: wg-quick then routes all of ${listText(wide.map(net))} into wg0 on ${h.id}, while its peers route only ${listText(wide.map(addr))} to it. Use ${listText(wide.map((p) => formatPrefix(hostPrefix(addressOf(p)))))}.`,
        subjects: { hosts: [h.id] },
        fix: { label: `Use host routes for ${label(h.id)}'s addresses`, changes: [{ target: 'host', id: h.id, set: { addresses: routes } }] },
      });
    }
    return out;
  },
};
