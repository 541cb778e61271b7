import { useEffect } from 'react';
import { clipFromText } from '../../engine';
import { useAppStoreApi } from '../store/store-context';
import { EMPTY_SELECTION } from '../store/selection';
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
    /**
     * Ctrl+V lets the browser's paste event follow: it carries the system clipboard's text with no permission
     * prompt, so design JSON copied in another tab is pasted (see onPaste). When no paste event comes, the in-app
     * clipboard is pasted once the key's event is over.
     */
    let pasteLater: ReturnType<typeof setTimeout> | null = null;
    const onPaste = (e: ClipboardEvent) => {
      const s = store.getState();
      if (typing(e.target) || s.dialog !== null) return;
      if (pasteLater !== null) clearTimeout(pasteLater);
      pasteLater = null;
      e.preventDefault();
      const clip = clipFromText(e.clipboardData?.getData('text/plain') ?? '');
      if (clip) s.pasteHosts(clip);
      else s.paste();
    };
    /** Ctrl+A, C, V, D on the canvas: what draw.io does with them, one undo step each (editing-slice.ts). */
    const editKey = (key: string, e: KeyboardEvent) => {
      const s = store.getState();
      // Text the user selected in a panel (a finding, a config preview) is copied as text, as anywhere else.
      if (key === 'c' && !(window.getSelection()?.isCollapsed ?? true)) return;
      if (key === 'v') {
        if (pasteLater !== null) clearTimeout(pasteLater);
        pasteLater = setTimeout(() => {
          pasteLater = null;
          store.getState().paste();
        });
        return;
      }
      e.preventDefault();
      if (key === 'a') s.selectAll();
      else if (key === 'd') s.duplicateSelection();
      else {
        const clip = s.copySelection();
        // Also as design JSON text, for another tab or an editor. Writing needs no permission prompt; the copy holds
        // no keys (copy-hosts.ts), so nothing secret reaches the system clipboard.
        if (clip) navigator.clipboard?.writeText(`${JSON.stringify(clip, null, 2)}\n`).catch(() => undefined);
      }
    };
    /** C: two selected hosts are joined at once; otherwise the "Connect A to B" form opens. */
    const connectKey = () => {
      const s = store.getState();
      const [a, b, more] = s.selection.hosts;
      if (a === undefined || b === undefined || more !== undefined) {
        s.openDialog('connect');
        return;
      }
      const refused = s.connectHosts(a, b);
      if (refused) s.toast('info', refused.error);
    };
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      // Save, Open, Find, Export and Import from inside a field: leaving it first tries the text typed there (fields.tsx
      // waits for typing to pause), so the dialog sees it.
      if (mod && ['s', 'o', 'f', 'e', 'i'].includes(key) && typing(e.target)) (e.target as HTMLElement).blur();
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
      } else if (mod && !e.shiftKey && !e.altKey && ['a', 'c', 'v', 'd'].includes(key)) {
        editKey(key, e);
      } else if (mod || e.altKey) {
        return;
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        s.removeSelection();
      } else if (key === 't') {
        s.setMode('tunnel');
      } else if (key === 'f') {
        s.setMode('flow');
      } else if (key === 'c') {
        connectKey();
      } else if (key === 'l') {
        s.autoLayout();
      } else if (key === 'm') {
        if (s.matrixView === null) s.openMatrix();
        else s.closeMatrix();
      } else if (e.key === '?') {
        s.openDialog('shortcuts');
      } else if (e.key === 'Escape') {
        s.select(EMPTY_SELECTION);
        if (s.matrixView !== null) s.closeMatrix();
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('paste', onPaste);
      if (pasteLater !== null) clearTimeout(pasteLater);
    };
  }, [store, openFile, importFiles]);
}
