import type { ImportRequest } from '../store/app-state';
import { emptyDesign } from '../persistence/initial-design';

/** New: a blank design, offered like an import, so that over a design with hosts the user is asked first. */
export function blankDesignRequest(): ImportRequest {
  return { kind: 'blank', design: emptyDesign(), layout: false, source: 'a blank design', warnings: [], done: 'Started a blank design. Undo (Ctrl+Z) brings the previous one back.' };
}
