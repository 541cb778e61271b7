import { useCallback, useRef } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import type { EdgeChange, NodeChange, OnNodeDrag } from '@xyflow/react';
import type { Position } from '../../engine';
import { useAppStoreApi } from '../store/store-context';
import type { DesignEdge, HostNodeType } from './flow-types';
import { parseEdgeId } from './flow-types';

type Sizes = Map<string, { width: number; height: number }>;
type SetMeasured = Dispatch<SetStateAction<Sizes>>;

/**
 * Turns React Flow's change events into store actions: moves become one undo step per drag, selection goes to the
 * store, and sizes React Flow measured are kept beside (never in) the design.
 */
export function useFlowChanges(setMeasured: SetMeasured) {
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
    let hosts: Set<string> | null = null;
    let sizes: Array<[string, { width: number; height: number }]> | null = null;
    for (const c of changes) {
      if (c.type === 'position' && c.position) moves.set(c.id, c.position);
      else if (c.type === 'select') {
        hosts ??= new Set(s.selection.hosts);
        if (c.selected) hosts.add(c.id);
        else hosts.delete(c.id);
      } else if (c.type === 'dimensions' && c.dimensions) {
        (sizes ??= []).push([c.id, c.dimensions]);
      }
    }
    if (moves.size > 0) s.moveHosts(moves, dragKey.current ?? `move-${Date.now()}`);
    if (hosts) s.select({ ...store.getState().selection, hosts: [...hosts] });
    if (sizes) {
      const got = sizes;
      setMeasured((m) => {
        const next = new Map(m);
        for (const [id, d] of got) next.set(id, d);
        return next;
      });
    }
  }, [store, setMeasured]);

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
