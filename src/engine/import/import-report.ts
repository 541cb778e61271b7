import type { ParsedInterface } from './wg-quick-parse';

/** At most this many characters of a hook's command in the report: enough to recognise it. */
const COMMAND_SHOWN = 80;

/**
 * What the [Interface] said that the bundle does not carry, one line per key, each with what the bundle does
 * instead. The bundle's wg0.conf is generated: it has no hooks (wg-quick runs them through bash, and user text never
 * reaches a script), its routes come from AllowedIPs and its firewall and forwarding from the design.
 */
export function interfaceReport(file: string, iface: ParsedInterface): string[] {
  const out: string[] = [];
  if (iface.saveConfig === true) {
    out.push(`${file}: SaveConfig = true not kept: wg-quick would overwrite the generated wg0.conf with the running state at shutdown; change the design and export again instead`);
  }
  if (iface.table !== null && iface.table.toLowerCase() === 'auto') {
    out.push(`${file}: Table = auto left out: it is wg-quick's default, which the bundle's wg0.conf uses too`);
  } else if (iface.table !== null) {
    out.push(`${file}: Table = ${iface.table} not kept: the bundle lets wg-quick add a route for each AllowedIPs prefix to the main table${iface.table.toLowerCase() === 'off' ? ', which replaces the routes that hooks or the system added by hand' : ''}`);
  }
  if (iface.fwMark !== null) {
    out.push(`${file}: FwMark = ${iface.fwMark} not kept: the bundle marks nothing (wg-quick sets its own mark only for a default route); policy rules that matched this mark need another match`);
  }
  if (iface.dns.length > 0) {
    out.push(`${file}: DNS = ${iface.dns.join(', ')} not kept: the bundle sets no resolver; configure it on the host (resolvectl, resolv.conf)`);
  }
  const keys = ['PreUp', 'PostUp', 'PreDown', 'PostDown'] as const;
  for (const key of keys) {
    const commands = iface.hooks.filter((h) => h.key === key).map((h) => h.value);
    if (commands.length === 0) continue;
    const shown = commands.map((c) => (c.length > COMMAND_SHOWN ? `${c.slice(0, COMMAND_SHOWN - 1)}…` : c)).join(' ; ');
    out.push(`${file}: ${key} not kept (${shown}): the bundle runs no hooks; its firewall (nftables or iptables, with NAT for masqueraded lans) and sysctl forwarding replace the usual ones, anything else must be set up on the host`);
  }
  return out;
}
