import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useApp } from '../store/store-context';

/** Centres the canvas when the store asks (a finding clicked, a template loaded): on its hosts, or on everything. */
export function FocusEffect() {
  const focus = useApp((s) => s.focus);
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!focus) return;
    // Wait a frame so freshly derived nodes are measured before fitting.
    const raf = requestAnimationFrame(() => {
      void fitView({
        nodes: focus.hosts.length > 0 ? focus.hosts.map((id) => ({ id })) : undefined,
        duration: 250,
        padding: 0.35,
        maxZoom: focus.hosts.length > 0 ? 1.3 : 1.1,
        // Unmounted cards of a large design count with their usual size (see hostNodes).
        includeHiddenNodes: true,
      });
    });
    return () => cancelAnimationFrame(raf);
  }, [focus, fitView]);
  return null;
}
