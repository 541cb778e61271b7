/** Where an arrow key moves in a grid of cells addressed by row and column: null for any other key. */
export function arrowStep(key: string): { dr: number; dc: number } | null {
  switch (key) {
    case 'ArrowUp': return { dr: -1, dc: 0 };
    case 'ArrowDown': return { dr: 1, dc: 0 };
    case 'ArrowLeft': return { dr: 0, dc: -1 };
    case 'ArrowRight': return { dr: 0, dc: 1 };
    default: return null;
  }
}

/**
 * Moves focus from the focused cell button (`data-row`, `data-col`) to the next one in the arrow's direction,
 * skipping the empty cells of a host against itself. True when the key was an arrow.
 */
export function moveFocus(grid: HTMLElement, from: HTMLElement, key: string): boolean {
  const step = arrowStep(key);
  if (!step) return false;
  let r = Number(from.dataset.row);
  let c = Number(from.dataset.col);
  for (let i = 0; i < 4; i++) {
    r += step.dr;
    c += step.dc;
    const next = grid.querySelector<HTMLElement>(`[data-row="${r}"][data-col="${c}"]`);
    if (next) {
      next.focus();
      break;
    }
  }
  return true;
}
