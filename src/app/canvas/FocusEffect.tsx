import { useEffect } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { selectDesign } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { FIT_ALL, FIT_FEW, fitViewport } from './fit-viewport';

/** Designs this large are moved without animation (the same threshold as the cards' size estimates, design-to-flow). */
const LARGE_HOSTS = 300;

/**
 * Moves the view when the store asks (a design opened, imported or laid out, a finding clicked, a search match
 * picked, Fit view): onto its hosts, or onto the whole design. The viewport is computed from the design itself
 * (fitViewport), so it is right even while most cards of a new design are not mounted or measured yet.
 */
export function FocusEffect() {
  const focus = useApp((s) => s.focus);
  const app = useAppStoreApi();
  const flow = useStoreApi();
  const { setViewport } = useReactFlow();
  useEffect(() => {
    if (!focus) return;
    // A frame later, so the pane has its size after a layout change (a banner opened above it, say).
    const raf = requestAnimationFrame(() => {
      const all = selectDesign(app.getState()).hosts;
      const wanted = new Set(focus.hosts);
      const hosts = wanted.size > 0 ? all.filter((h) => wanted.has(h.id)) : all;
      const { width, height, nodeLookup } = flow.getState();
      const v = fitViewport(hosts, { width, height }, wanted.size > 0 ? FIT_FEW : FIT_ALL, (id) => nodeLookup.get(id)?.measured);
      // Above 300 hosts the view jumps: each frame of an animated zoom-out would mount more of the cards.
      if (v) void setViewport(v, { duration: all.length > LARGE_HOSTS ? 0 : 250 });
    });
    return () => cancelAnimationFrame(raf);
  }, [focus, app, flow, setViewport]);
  return null;
}
