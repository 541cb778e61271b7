import type { StoreApi } from 'zustand/vanilla';
import type { AppStore } from '../store/app-state';
import type { Draft } from '../store/drafts';
import { EMPTY_SELECTION } from '../store/selection';

/** Frames to wait for the inspector to show the item before giving up on focusing the field. */
const MAX_FRAMES = 10;

/** Selects the draft's item (centring the canvas on it), then puts the cursor in the field that holds the text. */
export function goToDraft(store: StoreApi<AppStore>, draft: Draft): void {
  const s = store.getState();
  if (draft.target === 'network') s.select(EMPTY_SELECTION);
  else s.focusSubjects({ [draft.target]: [draft.id] });
  let frames = 0;
  const focus = () => {
    const input = document.querySelector<HTMLInputElement>(`[data-draft-key="${CSS.escape(draft.key)}"]`);
    if (input) {
      input.focus();
      input.scrollIntoView({ block: 'nearest' });
    } else if (++frames < MAX_FRAMES) requestAnimationFrame(focus);
  };
  requestAnimationFrame(focus);
}
