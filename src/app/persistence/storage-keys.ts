import type { CollapsedPanels, PanelName } from '../store/app-state';

/** Local storage keys. The design key never holds a private key unless "remember keys" is on. */
export const DESIGN_KEY = 'wg-designer.design.v1';
export const SETTINGS_KEY = 'wg-designer.settings.v1';
/** Inspector text the design refused (store/drafts.ts), so a reload finds it again. Never a key-shaped text. */
export const DRAFTS_KEY = 'wg-designer.drafts.v1';

export interface Settings {
  rememberKeys: boolean;
  /** Side panels folded away (a small screen's choice, kept for the next visit). */
  collapsed: CollapsedPanels;
}

/** The settings, each field defaulted on its own: a missing or odd field never costs the others. */
export function readSettings(storage: Storage): Settings {
  let raw: { rememberKeys?: unknown; collapsed?: Partial<Record<PanelName, unknown>> } = {};
  try {
    const parsed: unknown = JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}');
    if (parsed !== null && typeof parsed === 'object') raw = parsed;
  } catch {
    // unreadable settings: the defaults
  }
  const c = raw.collapsed !== null && typeof raw.collapsed === 'object' ? raw.collapsed : {};
  return {
    rememberKeys: raw.rememberKeys === true,
    collapsed: { palette: c.palette === true, inspector: c.inspector === true, findings: c.findings === true },
  };
}

export function writeSettings(storage: Storage, settings: Settings): void {
  storage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}
