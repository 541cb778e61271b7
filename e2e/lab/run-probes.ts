import type { MtuProbe, Probe } from './expectations';
import { failedForSize, pingPayload, pingProbe, psqlProbe, tcpProbe } from './probes';
import type { ProbeResult } from './probes';
import { mariadbProbe } from './mariadb';
import { redisPing } from './redis';
import type { CheckResult } from './results';

/** Finds the namespace a probe runs in. */
export type NsOf = (p: Probe['from']) => string;

export { inBatches } from '../../src/cli/prove/in-batches';

async function connect(p: Probe, ns: string): Promise<ProbeResult> {
  if (p.kind === 'postgresql') return psqlProbe(ns, p.address, p.port);
  if (p.kind === 'mariadb') return mariadbProbe(ns, p.address, p.port);
  return p.kind === 'redis' ? redisPing(ns, p.address, p.port) : tcpProbe(ns, p.address, p.port);
}

/** A declared flow must get through; one retry covers a handshake still under way on a longer path. */
export async function runFlow(p: Probe, nsOf: NsOf): Promise<CheckResult> {
  let r = await connect(p, nsOf(p.from));
  if (!r.ok) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    r = await connect(p, nsOf(p.from));
  }
  return { group: 'flow', label: p.label, ok: r.ok, detail: r.detail };
}

/**
 * An undeclared connection must fail; it is tried once (a retry could only let it through). A TCP connect, also to
 * PostgreSQL: its pg_hba.conf refuses unknown sources too, and this is the firewall's check.
 */
export async function runDenial(p: Probe, nsOf: NsOf): Promise<CheckResult> {
  const r = await tcpProbe(nsOf(p.from), p.address, p.port);
  return { group: 'denial', label: p.label, ok: !r.ok, detail: r.ok ? `GOT THROUGH (${r.detail})` : `blocked: ${r.detail}` };
}

/** The computed MTU crosses the tunnel unfragmented; one byte more is refused for its size. Two checks. */
export async function runMtu(m: MtuProbe, nsOf: NsOf): Promise<CheckResult[]> {
  const ns = nsOf({ kind: 'host', id: m.from });
  const size = pingPayload(m.mtu, m.address);
  let fits = await pingProbe(ns, m.address, size);
  if (!fits.ok) fits = await pingProbe(ns, m.address, size);
  const over = await pingProbe(ns, m.address, size + 1);
  const where = `${m.from} -> ${m.to} ${m.address} (tunnel ${m.tunnelId}, MTU ${m.mtu})`;
  return [
    { group: 'mtu', label: `${where}: ping -M do -s ${size}`, ok: fits.ok, detail: fits.detail },
    { group: 'mtu', label: `${where}: ping -M do -s ${size + 1}`, ok: failedForSize(over), detail: over.ok ? 'PASSED: the MTU is larger than computed' : over.detail },
  ];
}
