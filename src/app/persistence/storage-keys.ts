/** Local storage keys. The design key never holds a private key unless "remember keys" is on. */
export const DESIGN_KEY = 'wg-designer.design.v1';
export const SETTINGS_KEY = 'wg-designer.settings.v1';
/** Inspector text the design refused (store/drafts.ts), so a reload finds it again. Never a key-shaped text. */
export const DRAFTS_KEY = 'wg-designer.drafts.v1';

export interface Settings {
  rememberKeys: boolean;
}

export function readSettings(storage: Storage): Settings {
  try {
    const raw = JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}') as Partial<Settings>;
    return { rememberKeys: raw.rememberKeys === true };
  } catch {
    return { rememberKeys: false };
  }
}

export function writeSettings(storage: Storage, settings: Settings): void {
  storage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}
