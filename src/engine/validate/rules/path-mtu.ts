import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { listText } from '../text';

/** What a host on a lan sends: Ethernet's 1500 bytes (the lan's own MTU is not in the design). */
const LAN_MTU = 1500;

interface Sender {
  /** Host id, or null for the machines on a gateway's lan (a service replying). */
  host: string | null;
  size: number;
}

interface Gap {
  router: string;
  mtu: number;
  senders: Map<string, Sender>;
  flows: Set<string>;
}

/**
 * TCP flows whose packets meet a narrower tunnel at a router that does not clamp the MSS. A flow's path MTU is the
 * smallest safe MTU of the tunnels it crosses; a sender whose interface MTU is larger sends segments a router on the
 * way cannot forward whole. Clamping the MSS on forwarded SYNs (the plan does it on every router it configures)
 * makes both ends send small enough segments; without it the connection depends on ICMP "fragmentation needed"
 * reaching the sender, and where that is filtered large transfers hang. Walks each flow both ways: O(flow hops).
 */
export const pathMtu: Rule = {
  id: 'path-mtu',
  codes: ['mss-clamp-missing'],
  run({ plan, label }) {
    const gaps = new Map<string, Gap>();
    // The routers path[from], path[from + step], ... up to and including path[to], without copying the path.
    const walk = (flowId: string, sender: Sender, path: readonly string[], from: number, to: number, step: 1 | -1) => {
      let size = sender.size;
      for (let i = from; step > 0 ? i <= to : i >= to; i += step) {
        const r = path[i] as string;
        const rp = plan.byId.get(r);
        if (!rp || size <= rp.mtu) continue;
        if (rp.host.external || !rp.firewall.clampMss) {
          const gap = gaps.get(r) ?? { router: r, mtu: rp.mtu, senders: new Map(), flows: new Set() };
          gaps.set(r, gap);
          const key = sender.host ?? `lan of ${path[from]}`;
          const prev = gap.senders.get(key);
          if (!prev || prev.size < size) gap.senders.set(key, { host: sender.host, size });
          gap.flows.add(flowId);
        }
        size = rp.mtu;
      }
    };
    for (const f of plan.flows) {
      if (!f.path || f.proto !== 'tcp') continue;
      const path = f.path;
      const last = path.length - 1;
      walk(f.flowId, { host: f.from, size: plan.byId.get(f.from)?.mtu ?? 0 }, path, 1, last - 1, 1);
      if (f.toService) walk(f.flowId, { host: null, size: LAN_MTU }, path, last, 1, -1);
      else walk(f.flowId, { host: f.to, size: plan.byId.get(f.to)?.mtu ?? 0 }, path, last - 1, 1, -1);
    }
    return [...gaps.values()].map((g): Finding => {
      const senders = [...g.senders.values()];
      const shown = senders.map((s) => `${s.host === null ? `the lan behind ${label(g.router)}` : label(s.host)} (${s.size})`);
      const why = plan.byId.get(g.router)?.host.external ? 'it is external, so no bundle configures it' : 'its firewall does not clamp';
      const fixable = senders.filter((s) => s.host !== null && !plan.byId.get(s.host)?.host.external);
      const finding: Finding = {
        code: 'mss-clamp-missing',
        severity: 'warning',
        message: `${label(g.router)} forwards TCP into tunnels of at most ${g.mtu} bytes from ${listText(shown)}, and does not clamp the MSS (${why}). Those connections then depend on ICMP "fragmentation needed" reaching the sender; where it is filtered, large transfers hang. Clamp the MSS on ${g.router} (nft: tcp flags syn tcp option maxseg size set rt mtu), or lower the senders' MTU to ${g.mtu}.`,
        subjects: { hosts: [g.router, ...senders.flatMap((s) => (s.host === null ? [] : [s.host]))], flows: [...g.flows] },
      };
      if (fixable.length > 0) {
        finding.fix = {
          label: `Set the MTU of ${listText(fixable.map((s) => label(s.host as string)))} to ${g.mtu}`,
          changes: fixable.map((s) => ({ target: 'host' as const, id: s.host as string, set: { mtu: g.mtu } })),
        };
      }
      return finding;
    });
  },
};
