import type { Design, FieldError } from '../../engine';
import { DESIGN_FORMAT, decodeShareFragment, formatFieldError, isShareFragment, parseDesign, parseDesignText, sentence } from '../../engine';
import type { Notice } from '../store/app-state';
import { DESIGN_KEY } from './storage-keys';

export interface InitialDesign {
  design: Design;
  /** True when the design came from a link or a file without positions, and should be laid out. */
  fromLink: boolean;
  notice: Notice | null;
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

/** The empty design a first visit starts with. */
export function emptyDesign(): Design {
  const r = parseDesign({ format: DESIGN_FORMAT, name: 'untitled', hosts: [] });
  if (!r.ok) throw new Error('the empty design does not parse');
  return r.value;
}

/**
 * What the page opens: a share link in the fragment wins (and says that keys are not in it); otherwise the
 * autosaved design; otherwise an empty one. A bad link leaves the autosaved design as it was and says why.
 */
export function initialDesign(hash: string, storage: Storage): InitialDesign {
  let notice: Notice | null = null;
  if (isShareFragment(hash)) {
    const r = decodeShareFragment(hash);
    if (r.ok) {
      return {
        design: r.value,
        fromLink: true,
        notice: SHARE_NOTICE,
      };
    }
    notice = linkFailedNotice(r.errors);
  }
  const saved = storage.getItem(DESIGN_KEY);
  if (saved !== null) {
    const r = parseDesignText(saved);
    if (r.ok) return { design: r.value, fromLink: false, notice };
    notice ??= { kind: 'warning', title: 'The autosaved design could not be read', text: `${sentence(r.errors.slice(0, 3).map(formatFieldError).join('; '))}. Started a new design.` };
  }
  return { design: emptyDesign(), fromLink: false, notice };
}
