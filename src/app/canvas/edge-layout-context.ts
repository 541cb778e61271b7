import { createContext, useContext } from 'react';
import type { EdgeLayout } from './edge-layout';

const EMPTY: EdgeLayout = { tunnels: new Map(), flows: new Map() };

/** The canvas's routed edges and placed labels (see layoutEdges), computed once per change for all edges. */
export const EdgeLayoutContext = createContext<EdgeLayout>(EMPTY);

export function useEdgeLayoutContext(): EdgeLayout {
  return useContext(EdgeLayoutContext);
}
