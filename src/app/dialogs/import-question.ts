import { plural } from '../../engine';
import type { PendingImport } from '../store/app-state';

/** What the import dialog asks, for one kind of pending import. */
export interface ImportQuestion {
  title: string;
  /** The situation: what is on the canvas and what would replace it. */
  lead: string;
  /** What each answer does. */
  explain: string;
  replace: string;
  cancel: string;
  /** Offer "merge as new hosts" (files and templates only). */
  merge: boolean;
}

const EITHER = 'Replace swaps the design for the import; merge keeps it and adds the imported hosts, tunnels and flows, '
  + 'renaming ids that are taken. Either can be undone (Ctrl+Z). Cancel changes nothing.';

/**
 * The question asked before `pending` replaces the design on the canvas (`current`, which has hosts): the same
 * dialog for files, a template, New and a share link, worded for each.
 */
export function importQuestion(current: { name: string; hosts: number }, pending: PendingImport): ImportQuestion {
  const name = `“${current.name || 'untitled'}”`;
  const hosts = plural(current.hosts, 'host');
  const incoming = plural(pending.design.hosts.length, 'host');
  switch (pending.kind ?? 'files') {
    case 'blank':
      return {
        title: 'Start a new design?',
        lead: `Replace the current design (${hosts}) with a blank one?`,
        explain: `Undo (Ctrl+Z) brings ${name} back. Cancel changes nothing.`,
        replace: 'Replace with a blank design', cancel: 'Cancel', merge: false,
      };
    case 'link':
      return {
        title: 'Open this share link?',
        lead: `This tab holds ${name} (${hosts}). The link holds “${pending.design.name || 'untitled'}” (${incoming}).`,
        explain: 'Open the link to replace this design (undo brings it back), or keep this design and leave the link unopened.',
        replace: 'Open the link’s design', cancel: 'Keep this design', merge: false,
      };
    case 'template':
      return {
        title: 'Start from this template?',
        lead: `${name} has ${hosts}. The template ${pending.source} has ${incoming}.`,
        explain: EITHER, replace: 'Replace the design', cancel: 'Cancel', merge: true,
      };
    case 'files':
      return {
        title: 'Import into this design?',
        lead: `${name} has ${hosts}. The import holds ${pending.source} (${incoming}).`,
        explain: EITHER, replace: 'Replace the design', cancel: 'Cancel', merge: true,
      };
  }
}
