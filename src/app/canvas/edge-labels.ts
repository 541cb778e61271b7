import { flowPortText } from '../../engine';
import type { Flow } from '../../engine';

/** A tunnel's label: its safe inner MTU and who sends keepalives; short, the MTU alone. */
export function tunnelLabel(mtu: number | null, keepalive: string): { full: string; short: string } {
  return { full: `MTU ${mtu ?? '?'} · ka ${keepalive}`, short: `MTU ${mtu ?? '?'}` };
}

/** A flow's label: its direction (⇄ for replication, both ways), protocol and port; short, the port alone. */
export function flowLabel(flow: Flow): { full: string; short: string } {
  const arrow = flow.kind === 'replication' ? '⇄' : '→';
  return { full: `${arrow} ${flow.proto}/${flowPortText(flow)}`, short: `${arrow} ${flowPortText(flow)}` };
}
