import type { DeployedHost } from '../../src/cli/prove/deploy-host';
import { wgShow } from '../../src/cli/prove/deploy-host';
import type { TunnelCheck } from './expectations';
import { pingProbe } from './probes';
import type { CheckResult } from './results';

/** Hosts as deployed, with what the bundle says of them. */
export interface LabHost {
  deployed: DeployedHost;
  publicKey: string;
  /** Its overlay addresses, first IPv4 then IPv6 as in wg0.conf. */
  addresses: string[];
}

/**
 * Starts every tunnel from the side that can dial (a ping makes wireguard-go handshake), retrying for up to 10 s:
 * hosts come up one after another, so an early handshake may have gone unanswered and waits out its 5 s retry.
 */
export async function warmUp(tunnels: readonly TunnelCheck[], hosts: ReadonlyMap<string, LabHost>): Promise<void> {
  await Promise.all(tunnels.map(async (t) => {
    if (t.dialer === null) return;
    const from = hosts.get(t.dialer);
    const to = hosts.get(t.dialer === t.a ? t.b : t.a);
    const address = to?.addresses[0];
    if (!from || address === undefined) return;
    for (let i = 0; i < 5; i++) {
      if ((await pingProbe(from.deployed.ns, address, 56)).ok) return;
    }
  }));
}

/** Each side of each tunnel reports a handshake with the other (`wg show wg0 latest-handshakes` non-zero). */
export async function checkHandshakes(tunnels: readonly TunnelCheck[], hosts: ReadonlyMap<string, LabHost>): Promise<CheckResult[]> {
  const shown = new Map<string, Map<string, string>>();
  for (const [id, h] of hosts) shown.set(id, await wgShow(h.deployed, 'latest-handshakes'));
  return tunnels.map((t) => {
    const a = hosts.get(t.a);
    const b = hosts.get(t.b);
    const ab = Number(shown.get(t.a)?.get(b?.publicKey ?? '') ?? 0);
    const ba = Number(shown.get(t.b)?.get(a?.publicKey ?? '') ?? 0);
    const ok = ab > 0 && ba > 0;
    const detail = ok ? 'handshake on both sides'
      : `no handshake: ${t.a} sees ${ab > 0 ? 'one' : 'none'}, ${t.b} sees ${ba > 0 ? 'one' : 'none'}${t.dialer === null ? ' (neither side has the other\'s endpoint)' : ''}`;
    return { group: 'tunnel', label: `${t.id} (${t.a} <-> ${t.b})`, ok, detail };
  });
}
