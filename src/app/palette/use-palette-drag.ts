import { useCallback, useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { HostKind } from '../../engine';
import { useAppStoreApi } from '../store/store-context';
import { NODE_H, NODE_W } from '../layout/auto-layout';
import { freeSpot } from './free-spot';

interface Drag {
  kind: HostKind;
  x: number;
  y: number;
  startX: number;
  startY: number;
  moved: boolean;
}

/** Pointer travel before a press on a palette item counts as a drag rather than a click. */
const DRAG_SLOP = 4;

function canvasRect(): DOMRect | null {
  return document.querySelector('[data-canvas-drop]')?.getBoundingClientRect() ?? null;
}

/**
 * Dragging from the palette with pointer events (mouse, pen and touch alike); the drop point becomes the host's
 * position on the canvas. HTML5 drag-and-drop is kept for files dropped from the desktop.
 */
export function usePaletteDrag() {
  const store = useAppStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const [drag, setDrag] = useState<Drag | null>(null);
  // The live drag, read by the window listeners (state updaters must stay pure: StrictMode runs them twice).
  const live = useRef<Drag | null>(null);
  const suppressClick = useRef(false);

  const addAt = useCallback((kind: HostKind, clientX: number, clientY: number) => {
    const p = screenToFlowPosition({ x: clientX, y: clientY });
    store.getState().addHost(kind, { x: p.x - NODE_W / 2, y: p.y - NODE_H / 2 });
  }, [screenToFlowPosition, store]);

  /** Adds in the middle of the canvas, or on the free place nearest it, so a run of clicks lays cards side by side. */
  const addAtCentre = useCallback((kind: HostKind) => {
    const r = canvasRect();
    if (!r) return;
    const c = screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    const s = store.getState();
    s.addHost(kind, freeSpot(s.history.present.hosts, { x: c.x - NODE_W / 2, y: c.y - NODE_H / 2 }, { width: NODE_W, height: NODE_H, gap: 30 }));
  }, [screenToFlowPosition, store]);

  const start = useCallback((kind: HostKind, e: React.PointerEvent) => {
    if (e.button !== 0) return;
    live.current = { kind, x: e.clientX, y: e.clientY, startX: e.clientX, startY: e.clientY, moved: false };
    suppressClick.current = false;
    setDrag(live.current);
  }, []);

  /** The click that ends a press: adds in the middle, unless the press was a drag. */
  const click = useCallback((kind: HostKind) => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    addAtCentre(kind);
  }, [addAtCentre]);

  const dragging = drag !== null;
  useEffect(() => {
    if (!dragging) return;
    const move = (e: PointerEvent) => {
      const d = live.current;
      if (!d) return;
      const moved = d.moved || Math.hypot(e.clientX - d.startX, e.clientY - d.startY) > DRAG_SLOP;
      live.current = { ...d, x: e.clientX, y: e.clientY, moved };
      setDrag(live.current);
    };
    const up = (e: PointerEvent) => {
      const d = live.current;
      live.current = null;
      setDrag(null);
      if (!d?.moved) return;
      suppressClick.current = true;
      const r = canvasRect();
      const inside = r && e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
      if (inside) addAt(d.kind, e.clientX, e.clientY);
    };
    const cancel = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      live.current = null;
      setDrag(null);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('keydown', cancel);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('keydown', cancel);
    };
  }, [dragging, addAt]);

  return { drag, start, click };
}
