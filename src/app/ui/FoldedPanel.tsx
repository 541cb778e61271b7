import type { PanelName } from '../store/app-state';
import { PANEL_LABELS, PanelToggle } from './PanelToggle';

/** A folded side panel: a thin strip in the panel's place with its name and the button that opens it again. */
export function FoldedPanel({ panel }: { panel: PanelName }) {
  return (
    <aside className={`folded-panel folded-panel--${panel}`} aria-label={`${PANEL_LABELS[panel]} (hidden)`}
      data-testid={`folded-${panel}`}>
      <PanelToggle panel={panel} />
      <span className="folded-panel__label">{PANEL_LABELS[panel]}</span>
    </aside>
  );
}
