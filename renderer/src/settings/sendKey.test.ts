import { describe, expect, it } from 'vitest';
import { isSendPress } from './sendKey';

const enter = (mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: 'Enter',
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('isSendPress', () => {
  it('sends on Enter by default, Shift+Enter is a new line', () => {
    expect(isSendPress(enter(), 'enter', false)).toBe(true);
    expect(isSendPress(enter({ shiftKey: true }), 'enter', false)).toBe(false);
  });

  it('sends on Ctrl+Enter (Cmd on macOS) when chosen, Enter is a new line', () => {
    expect(isSendPress(enter(), 'modEnter', false)).toBe(false);
    expect(isSendPress(enter({ ctrlKey: true }), 'modEnter', false)).toBe(true);
    expect(isSendPress(enter({ ctrlKey: true }), 'modEnter', true)).toBe(false);
    expect(isSendPress(enter({ metaKey: true }), 'modEnter', true)).toBe(true);
    expect(isSendPress({ ...enter(), key: 'a' }, 'enter', false)).toBe(false);
  });
});
