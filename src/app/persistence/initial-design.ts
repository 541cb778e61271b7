import type { Design, FieldError } from '../../engine';
import { DESIGN_FORMAT, decodeShareFragment, formatFieldError, isShareFragment, parseDesign, parseDesignText, sentence } from '../../engine';
import type { ImportRequest, Notice } from '../store/app-state';
import { needsLayout } from '../layout/auto-layout';
import { sameDesign } from './same-design';
import { DESIGN_KEY } from './storage-keys';

export interface InitialDesign {
  design: Design;
  /** True when the design came from a link or a file without positions, and should be laid out. */
  fromLink: boolean;
  notice: Notice | null;
  /** A link's design to offer over the autosaved one (a different design with hosts): the user says which stays. */
  link: Design | null;
}

/** What the page says when it opens a share link. */
export const SHARE_NOTICE: Notice = {
  kind: 'info',
  title: 'Opened from a share link',
  text: 'A link never holds private keys. Generate new keys here for the hosts you will deploy from this browser, or have each host bring its own (its wg0.conf then says where the key goes).',
  offerKeys: true,
};

/** What the page says when a share link does not open: the engine's reasons, as sentences after the title's. */
export function linkFailedNotice(errors: readonly FieldError[]): Notice {
  return { kind: 'error', title: 'This share link could not be opened', text: `${sentence(errors.map(formatFieldError).join('; '))}. Your current design was kept as it was.` };
}

/** A share link's design, offered over the design in the tab: replace it or keep it (the import question). */
export function shareLinkRequest(design: Design): ImportRequest {
  return {
    kind: 'link', design, layout: needsLayout(design), source: 'a share link', warnings: [], notice: SHARE_NOTICE,
    done: 'Opened the design from the share link. Undo (Ctrl+Z) brings the previous one back.',
  };
}

/** The empty design a first visit starts with. */
export function emptyDesign(): Design {
  const r = parseDesign({ format: DESIGN_FORMAT, name: 'untitled', hosts: [] });
  if (!r.ok) throw new Error('the empty design does not parse');
  return r.value;
}

/**
 * What the page opens: a share link in the fragment (which says that keys are not in it) over no autosaved design,
 * an empty one or the same one; over a different autosaved design with hosts, that design, with the link offered
 * (`link`) so that opening a link never silently overwrites this browser's work. Otherwise the autosaved design, or
 * an empty one. A bad link leaves the autosaved design as it was and says why.
 */
export function initialDesign(hash: string, storage: Storage): InitialDesign {
  let notice: Notice | null = null;
  let link: Design | null = null;
  if (isShareFragment(hash)) {
    const r = decodeShareFragment(hash);
    if (r.ok) link = r.value;
    else notice = linkFailedNotice(r.errors);
  }
  let saved: Design | null = null;
  const text = storage.getItem(DESIGN_KEY);
  if (text !== null) {
    const r = parseDesignText(text);
    if (r.ok) saved = r.value;
    else if (link === null) notice ??= { kind: 'warning', title: 'The autosaved design could not be read', text: `${sentence(r.errors.slice(0, 3).map(formatFieldError).join('; '))}. Started a new design.` };
  }
  if (link !== null) {
    if (saved === null || saved.hosts.length === 0 || sameDesign(saved, link)) return { design: link, fromLink: true, notice: SHARE_NOTICE, link: null };
    return { design: saved, fromLink: false, notice: null, link };
  }
  return { design: saved ?? emptyDesign(), fromLink: false, notice, link: null };
}
