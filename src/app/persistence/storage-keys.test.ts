import { describe, expect, it } from 'vitest';
import { memoryStorage } from './memory-storage';
import { SETTINGS_KEY, readSettings, writeSettings } from './storage-keys';

describe('settings', () => {
  it('keeps folded panels and remember-keys across a reload', () => {
    const storage = memoryStorage();
    writeSettings(storage, { rememberKeys: true, collapsed: { palette: true, inspector: false, findings: true } });
    expect(readSettings(storage)).toEqual({ rememberKeys: true, collapsed: { palette: true, inspector: false, findings: true } });
  });

  it('reads settings written before panels could fold, and odd values, as the defaults field by field', () => {
    expect(readSettings(memoryStorage({ [SETTINGS_KEY]: '{"rememberKeys":true}' })))
      .toEqual({ rememberKeys: true, collapsed: { palette: false, inspector: false, findings: false } });
    expect(readSettings(memoryStorage({ [SETTINGS_KEY]: '{"collapsed":{"palette":"yes","findings":true}}' })).collapsed)
      .toEqual({ palette: false, inspector: false, findings: true });
    expect(readSettings(memoryStorage({ [SETTINGS_KEY]: 'null' })).rememberKeys).toBe(false);
    expect(readSettings(memoryStorage({ [SETTINGS_KEY]: '{' })).rememberKeys).toBe(false);
  });
});
