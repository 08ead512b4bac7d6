import { describe, expect, it } from 'vitest';
import { readSettings, SETTINGS_DEFAULTS, settingsPatchSchema } from './settings';

describe('settings', () => {
  it('fills defaults and replaces values that no longer fit', () => {
    expect(readSettings({})).toEqual(SETTINGS_DEFAULTS);
    expect(readSettings({ sendKey: 'modEnter', customerPanelCollapsed: 'yes', gone: 1 })).toEqual({
      ...SETTINGS_DEFAULTS,
      sendKey: 'modEnter',
    });
  });

  it('refuses unknown names and bad values in a patch', () => {
    expect(settingsPatchSchema.safeParse({ sendKey: 'modEnter' }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ sendKey: 'space' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ nope: true }).success).toBe(false);
  });
});
