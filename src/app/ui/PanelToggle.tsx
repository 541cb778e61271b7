import type { PanelName } from '../store/app-state';
import { useApp, useAppStoreApi } from '../store/store-context';

export const PANEL_LABELS: Readonly<Record<PanelName, string>> = { palette: 'Palette', inspector: 'Inspector', findings: 'Findings' };

/** Which way the chevron points to fold each panel towards its edge of the window (and back). */
const ARROWS: Readonly<Record<PanelName, readonly [open: string, folded: string]>> = {
  palette: ['‹', '›'],
  inspector: ['›', '‹'],
  findings: ['⌄', '⌃'],
};

/** The button that folds a side panel to a thin strip, or opens it again; the choice is kept in the settings. */
export function PanelToggle({ panel }: { panel: PanelName }) {
  const store = useAppStoreApi();
  const folded = useApp((s) => s.collapsed[panel]);
  const label = `${folded ? 'Show' : 'Hide'} the ${PANEL_LABELS[panel].toLowerCase()}`;
  return (
    <button type="button" className="panel-toggle" aria-expanded={!folded} aria-label={label} title={label}
      onClick={() => store.getState().togglePanel(panel)} data-testid={`panel-toggle-${panel}`}>
      {ARROWS[panel][folded ? 1 : 0]}
    </button>
  );
}
