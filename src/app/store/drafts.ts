import type { Design } from '../../engine';
import { plural } from '../../engine';

/** Which part of the design a field edits: one host, tunnel or flow, or the design's own settings. */
export type DraftTarget = 'hosts' | 'tunnels' | 'flows' | 'network';

/**
 * Text typed into an inspector field that the design refused (endpoint `foo`, MTU 99999). It is kept here, not in
 * the field, so it survives selecting something else and coming back, until it is fixed or discarded.
 */
export interface Draft {
  key: string;
  target: DraftTarget;
  /** The host, tunnel or flow id ('' for the design's settings). */
  id: string;
  /** What the user sees: the item's name and the field's label, e.g. "pg-1 · MTU". */
  title: string;
  text: string;
  error: string;
}

export type Drafts = Readonly<Record<string, Draft>>;

export const NO_DRAFTS: Drafts = {};

/** The store key of one field of one item. */
export function draftKey(target: DraftTarget, id: string, field: string): string {
  return `${target}:${id}:${field}`;
}

/** "1 unsaved invalid edit", "3 unsaved invalid edits". */
export function draftsLabel(count: number): string {
  return plural(count, 'unsaved invalid edit');
}

/** Drops drafts of items that no longer exist (a deleted host's fields cannot be fixed any more). */
export function pruneDrafts(drafts: Drafts, design: Design): Drafts {
  const list = Object.values(drafts);
  if (list.length === 0) return drafts;
  const alive = list.filter((d) => d.target === 'network' || (design[d.target] as ReadonlyArray<{ id: string }>).some((x) => x.id === d.id));
  return alive.length === list.length ? drafts : Object.fromEntries(alive.map((d) => [d.key, d]));
}

/** Moves a renamed host's drafts to its new id, so a rename never drops text typed elsewhere in its inspector. */
export function renameDrafts(drafts: Drafts, from: string, to: string): Drafts {
  const moved = Object.values(drafts).filter((d) => d.target === 'hosts' && d.id === from);
  if (moved.length === 0 || from === to) return drafts;
  const next: Record<string, Draft> = { ...drafts };
  for (const d of moved) {
    delete next[d.key];
    const key = draftKey('hosts', to, d.key.slice(`hosts:${from}:`.length));
    const title = d.title.startsWith(`${from} · `) ? `${to}${d.title.slice(from.length)}` : d.title;
    next[key] = { ...d, key, id: to, title };
  }
  return next;
}
