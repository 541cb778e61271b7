import { useCallback, useRef } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import type { EdgeChange, NodeChange, OnNodeDrag } from '@xyflow/react';
import type { Position } from '../../engine';
import { useAppStoreApi } from '../store/store-context';
import type { DesignEdge, HostNodeType } from './flow-types';
import { parseEdgeId } from './flow-types';

type Sizes = Map<string, { width: number; height: number }>;
type SetMeasured = Dispatch<SetStateAction<Sizes>>;
/** Where hosts are while a drag is under way, ahead of the design. */
export type DragPositions = ReadonlyMap<string, Position>;
type SetDrag = Dispatch<SetStateAction<DragPositions | null>>;

/**
 * Turns React Flow's change events into store actions: a drag moves hosts in canvas state only (`setDrag`), and
 * its end commits the positions to the design as one undo step, so no frame of a drag touches the whole design
 * (autosave, history, derived nodes). Selection goes to the store; sizes React Flow measured are kept beside
 * (never in) the design.
 */
export function useFlowChanges(setMeasured: SetMeasured, setDrag: SetDrag) {
  const store = useAppStoreApi();
  const dragKey = useRef<string | null>(null);

  const onNodeDragStart: OnNodeDrag = useCallback(() => {
    dragKey.current = `drag-${Date.now()}-${Math.random()}`;
  }, []);
  const onNodeDragStop: OnNodeDrag = useCallback(() => {
    dragKey.current = null;
  }, []);

  const onNodesChange = useCallback((changes: NodeChange<HostNodeType>[]) => {
    const s = store.getState();
    const moves = new Map<string, Position>();
    let dragging: Map<string, Position> | null = null;
    let hosts: Set<string> | null = null;
    let sizes: Array<[string, { width: number; height: number }]> | null = null;
    for (const c of changes) {
      if (c.type === 'position' && c.position) {
        if (c.dragging) (dragging ??= new Map()).set(c.id, c.position);
        else moves.set(c.id, c.position);
      }
      else if (c.type === 'select') {
        hosts ??= new Set(s.selection.hosts);
        if (c.selected) hosts.add(c.id);
        else hosts.delete(c.id);
      } else if (c.type === 'dimensions' && c.dimensions) {
        (sizes ??= []).push([c.id, c.dimensions]);
      }
    }
    if (dragging) {
      const got = dragging;
      setDrag((d) => new Map([...(d ?? []), ...got]));
    }
    if (moves.size > 0) {
      s.moveHosts(moves, dragKey.current ?? `move-${Date.now()}`);
      setDrag(null);
    }
    if (hosts) s.select({ ...store.getState().selection, hosts: [...hosts] });
    if (sizes) {
      const got = sizes;
      setMeasured((m) => {
        const next = new Map(m);
        for (const [id, d] of got) next.set(id, d);
        return next;
      });
    }
  }, [store, setMeasured, setDrag]);

  const onEdgesChange = useCallback((changes: EdgeChange<DesignEdge>[]) => {
    const s = store.getState();
    const tunnels = new Set(s.selection.tunnels);
    const flows = new Set(s.selection.flows);
    let touched = false;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      const ref = parseEdgeId(c.id);
      if (!ref) continue;
      const set = ref.kind === 'tunnel' ? tunnels : flows;
      if (c.selected) set.add(ref.id);
      else set.delete(ref.id);
      touched = true;
    }
    if (touched) s.select({ ...store.getState().selection, tunnels: [...tunnels], flows: [...flows] });
  }, [store]);

  return { onNodesChange, onEdgesChange, onNodeDragStart, onNodeDragStop };
}
