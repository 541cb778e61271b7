import type { HostPlan } from '../plan/types';

/** `sysctl.conf` for a host that routes, or null: forwarding is switched on only where the design routes. */
export function renderSysctl(plan: HostPlan): string | null {
  if (!plan.forwardIPv4 && !plan.forwardIPv6) return null;
  const lines = [
    `# Host ${plan.id} routes between its tunnel peers and lans, so it forwards packets.`,
    '# Installed as /etc/sysctl.d/90-wg-designer.conf by install.sh.',
  ];
  if (plan.forwardIPv4) lines.push('net.ipv4.ip_forward = 1');
  if (plan.forwardIPv6) lines.push('net.ipv6.conf.all.forwarding = 1');
  return `${lines.join('\n')}\n`;
}
