import { wgShow } from '../../src/cli/prove/deploy-host';
import type { LabHost } from './handshakes';
import { sleep } from '../../src/cli/prove/netns';
import { pingProbe } from './probes';
import type { CheckResult } from './results';
import { NAT_UDP_TIMEOUT_SECONDS } from '../../src/cli/prove/underlay';

/** A host behind NAT, the peer that only knows it by the NAT's mapping, and the peer's byte count from it. */
export interface NatWatch {
  hostId: string;
  peerId: string;
  since: number;
  rxBefore: number;
}

/** Starts the idle window: from now on nothing but keepalives leaves the host behind NAT. */
export async function watchNat(hostId: string, peerId: string, hosts: ReadonlyMap<string, LabHost>): Promise<NatWatch> {
  return { hostId, peerId, since: Date.now(), rxBefore: await rxFrom(hostId, peerId, hosts) };
}

/**
 * After the NAT's UDP timeout (shortened to 30 s, the shortest common one) has passed with no traffic of its own,
 * the peer must still have heard from the host (its keepalives), and the peer's ping must still reach it: it goes
 * to the NAT's mapping, which exists only if the keepalives kept it.
 */
export async function checkNat(w: NatWatch, hosts: ReadonlyMap<string, LabHost>): Promise<CheckResult> {
  const waitUntil = w.since + (NAT_UDP_TIMEOUT_SECONDS + 5) * 1000;
  if (Date.now() < waitUntil) await sleep(waitUntil - Date.now());
  const rxAfter = await rxFrom(w.hostId, w.peerId, hosts);
  const peer = hosts.get(w.peerId);
  const address = hosts.get(w.hostId)?.addresses[0];
  const ping = peer && address !== undefined ? await pingProbe(peer.deployed.ns, address, 56) : { ok: false, detail: 'no address' };
  const idle = Math.round((Date.now() - w.since) / 1000);
  const ok = rxAfter > w.rxBefore && ping.ok;
  return {
    group: 'nat',
    label: `${w.hostId} behind NAT (UDP timeout ${NAT_UDP_TIMEOUT_SECONDS} s), idle ${idle} s, then ${w.peerId} pings it`,
    ok,
    detail: `${w.peerId} received ${rxAfter - w.rxBefore} bytes of keepalives; ping ${ping.ok ? 'answered' : `failed: ${ping.detail}`}`,
  };
}

async function rxFrom(hostId: string, peerId: string, hosts: ReadonlyMap<string, LabHost>): Promise<number> {
  const peer = hosts.get(peerId);
  const host = hosts.get(hostId);
  if (!peer || !host) return 0;
  const transfer = (await wgShow(peer.deployed, 'transfer')).get(host.publicKey) ?? '0';
  return Number(transfer.split('\t')[0] ?? 0);
}
