import { useEffect } from 'react';
import { useAppStoreApi } from '../store/store-context';
import { EMPTY_SELECTION } from '../store/ops/selection';
import { HOST_SEARCH_ID } from './HostSearch';

/** True when the key belongs to a text field (its own undo, its own Delete). */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * The global keyboard shortcuts (see shortcuts.ts). `openFile` opens the JSON upload picker, `importFiles` the
 * picker for configs and designs.
 */
export function useShortcuts(openFile: () => void, importFiles: () => void) {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 's') {
        e.preventDefault();
        s.openDialog('save');
        return;
      }
      if (mod && key === 'o') {
        e.preventDefault();
        openFile();
        return;
      }
      // Not from a text field or a dialog: a file picker popping up over a half-typed edit would surprise.
      if (mod && key === 'i' && !typing(e.target) && s.dialog === null) {
        e.preventDefault();
        importFiles();
        return;
      }
      // Ctrl+F finds a host here rather than text in the page (which would not reach cards that are not drawn).
      if ((mod && key === 'f') || (e.key === '/' && !typing(e.target) && s.dialog === null)) {
        e.preventDefault();
        document.getElementById(HOST_SEARCH_ID)?.focus();
        return;
      }
      if (mod && key === 'e') {
        e.preventDefault();
        s.openDialog('export');
        return;
      }
      if (typing(e.target) || s.dialog !== null) return;
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        s.redo();
      } else if (mod || e.altKey) {
        return;
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        s.removeSelection();
      } else if (key === 't') {
        s.setMode('tunnel');
      } else if (key === 'f') {
        s.setMode('flow');
      } else if (key === 'l') {
        s.autoLayout();
      } else if (e.key === '?') {
        s.openDialog('shortcuts');
      } else if (e.key === 'Escape') {
        s.select(EMPTY_SELECTION);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, openFile, importFiles]);
}
