import type { Design } from '../../engine';
import { MAX_DESIGN_CHARS, formatFieldError, parseDesignText } from '../../engine';

/** Reads an uploaded design JSON. A bad file gives one clear message and changes nothing. */
export async function openDesignFile(file: File): Promise<{ design: Design } | { error: string }> {
  if (file.size > MAX_DESIGN_CHARS * 4) return { error: `${file.name} is too large to be a design (${file.size} bytes)` };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { error: `${file.name} could not be read` };
  }
  const r = parseDesignText(text);
  if (!r.ok) {
    const shown = r.errors.slice(0, 5).map(formatFieldError);
    const more = r.errors.length > shown.length ? ` (and ${r.errors.length - shown.length} more)` : '';
    return { error: `${file.name} is not a valid wg-designer design: ${shown.join('; ')}${more}` };
  }
  return { design: r.value };
}
