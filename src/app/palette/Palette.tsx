import { HOST_KINDS } from '../../engine';
import { HostIcon } from '../icons/HostIcon';
import { PanelToggle } from '../ui/PanelToggle';
import { usePaletteDrag } from './use-palette-drag';

/** The palette: drag a kind of host onto the canvas, or click it (or press Enter) to add it in the middle. */
export function Palette() {
  const { drag, start, click } = usePaletteDrag();
  return (
    <aside className="palette" aria-label="Palette">
      <div className="panel-title">Palette<PanelToggle panel="palette" /></div>
      <ul className="palette__list">
        {HOST_KINDS.map((k) => (
          <li key={k.kind}>
            <button
              type="button"
              className="palette__item"
              data-testid={`palette-${k.kind}`}
              title={`${k.hint}. Drag onto the canvas, or click to add.`}
              onPointerDown={(e) => start(k.kind, e)}
              onClick={() => click(k.kind)}
            >
              <span className={`palette__icon kind-${k.kind}`}><HostIcon kind={k.kind} size={20} /></span>
              <span className="palette__text">
                <span className="palette__label">{k.label}</span>
                <span className="palette__hint">{k.hint}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="palette__help muted">
        Drag between handles to draw a <b>tunnel</b>; in flow mode (<kbd>F</kbd>) the same drag declares a <b>flow</b>.
      </div>
      {drag?.moved && (
        <div className="palette-ghost" style={{ transform: `translate(${drag.x + 8}px, ${drag.y + 8}px)` }}>
          <HostIcon kind={drag.kind} size={20} /> {HOST_KINDS.find((k) => k.kind === drag.kind)?.label}
        </div>
      )}
    </aside>
  );
}
