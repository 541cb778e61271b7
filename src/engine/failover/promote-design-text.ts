import { jsonValueSpans, spanKey } from '../model/json-spans';

/** A promotion recorded in a design file's text, or why it cannot be. */
export type PromoteTextResult =
  | { ok: true; text: string; primary: string; replica: string; changed: boolean }
  | { ok: false; problem: string };

/**
 * The design file's text with failover group `groupId`'s `primary` and `replica` swapped, so the next export
 * makes the promoted member the primary and a re-installed bundle follows the failover instead of undoing it.
 * `to`: the member that must end as primary (unchanged when it already is, so a repeated command cannot fail
 * back); left out, the two swap. Only those two values change: every other byte, layout and key order stay.
 * The text must be a design that parsed (`parseDesignText`); problems name the flag they come from.
 */
export function promoteInDesignText(text: string, groupId: string, to?: string): PromoteTextResult {
  const raw = JSON.parse(text) as { failover?: Array<{ id?: unknown; primary?: unknown; replica?: unknown }> };
  const groups = raw.failover ?? [];
  const index = groups.findIndex((g) => g.id === groupId);
  const group = groups[index];
  if (!group) {
    const known = groups.map((g) => String(g.id));
    return { ok: false, problem: `--group ${groupId}: the design has no failover group "${groupId}" (${known.length ? `its groups: ${known.join(', ')}` : 'it has no failover groups'})` };
  }
  const [primary, replica] = [String(group.primary), String(group.replica)];
  if (to !== undefined && to !== primary && to !== replica) {
    return { ok: false, problem: `--host ${to}: not a member of failover group ${groupId} (its members: ${primary}, ${replica})` };
  }
  if (to === primary) return { ok: true, text, primary, replica, changed: false };
  const spans = jsonValueSpans(text);
  const p = spans.get(spanKey(['failover', index, 'primary']));
  const r = spans.get(spanKey(['failover', index, 'replica']));
  if (!p || !r) return { ok: false, problem: `failover group ${groupId} has no primary or replica field to swap` };
  const [first, second] = p.start < r.start ? [p, r] : [r, p];
  const swapped = text.slice(0, first.start) + text.slice(second.start, second.end) + text.slice(first.end, second.start)
    + text.slice(first.start, first.end) + text.slice(second.end);
  return { ok: true, text: swapped, primary: replica, replica: primary, changed: true };
}
