import type { Design } from '../design';
import { addTunnel, tunnelBetween } from './add-tunnel';

/**
 * addTunnel with its refusals said in words, for the tunnel form and the C shortcut: the same host twice, a host
 * that is not in the design, or a pair already joined (WireGuard keeps one peer entry per pair).
 */
export function connectHosts(design: Design, a: string, b: string): { design: Design; id: string } | { error: string } {
  const r = addTunnel(design, a, b);
  if (r) return r;
  if (a === '' || b === '') return { error: 'Choose two hosts.' };
  if (a === b) return { error: 'A tunnel joins two different hosts.' };
  const existing = tunnelBetween(design, a, b);
  if (existing) return { error: `${a} and ${b} are already joined by tunnel ${existing.id}.` };
  const missing = [a, b].find((id) => !design.hosts.some((h) => h.id === id)) ?? a;
  return { error: `There is no host ${missing}.` };
}
