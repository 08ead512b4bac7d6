import { describe, expect, it } from 'vitest';
import { accelerator, COMMANDS, type FocusArea, type KeyBinding, keyLabels, matchCommand, matchesBinding, type KeyScope } from './keymap';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

const AREAS: Record<KeyScope, FocusArea[]> = {
  global: ['editing', 'control', 'list', 'page'],
  outsideText: ['control', 'list', 'page'],
  list: ['list', 'page'],
  composer: ['editing'],
};

const signature = (b: KeyBinding) => `${b.mod ? 'mod+' : ''}${b.alt ? 'alt+' : ''}${b.shift ? 'shift+' : ''}${b.key.toLowerCase()}`;

describe('keymap', () => {
  it('has unique ids and label keys', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    expect(new Set(COMMANDS.map((c) => c.labelKey)).size).toBe(COMMANDS.length);
  });

  it('never binds one key combination to two commands where both apply', () => {
    const seen = new Map<string, string>();
    for (const command of COMMANDS) {
      for (const binding of command.keys) {
        for (const area of AREAS[command.scope]) {
          const key = `${area}:${signature(binding)}`;
          expect(seen.get(key), `${command.id} clashes on ${key}`).toBeUndefined();
          seen.set(key, command.id);
        }
      }
    }
  });

  it('maps the issue’s shortcuts, Cmd on macOS and Ctrl elsewhere', () => {
    expect(matchCommand(press('r', { ctrlKey: true }), 'editing', false)).toBe('resolve');
    expect(matchCommand(press('r', { metaKey: true }), 'page', true)).toBe('resolve');
    expect(matchCommand(press('r', { ctrlKey: true }), 'page', true)).toBeNull();
    expect(matchCommand(press('T', { ctrlKey: true }), 'list', false)).toBe('transfer');
    expect(matchCommand(press('n', { ctrlKey: true }), 'editing', false)).toBe('note');
    expect(matchCommand(press('/', { ctrlKey: true }), 'editing', false)).toBe('canned');
    expect(matchCommand(press('k', { ctrlKey: true }), 'editing', false)).toBe('palette');
    expect(matchCommand(press('ArrowDown', { altKey: true }), 'editing', false)).toBe('nextConversation');
    expect(matchCommand(press('?', { shiftKey: true }), 'page', false)).toBe('help');
    expect(matchCommand(press('Escape'), 'editing', false)).toBe('escape');
  });

  it('keeps single keys out of text fields and arrows out of buttons', () => {
    expect(matchCommand(press('j'), 'editing', false)).toBeNull();
    expect(matchCommand(press('j'), 'page', false)).toBe('next');
    expect(matchCommand(press('ArrowDown'), 'control', false)).toBeNull();
    expect(matchCommand(press('Enter'), 'list', false)).toBe('open');
    expect(matchCommand(press('Enter'), 'control', false)).toBeNull();
    expect(matchCommand(press('r'), 'page', false)).toBe('reply');
    expect(matchCommand(press('r', { shiftKey: true }), 'page', false)).toBeNull();
  });

  it('labels keys and builds menu accelerators', () => {
    expect(keyLabels({ key: 't', mod: true }, false)).toEqual(['Ctrl', 'T']);
    expect(keyLabels({ key: 't', mod: true }, true)).toEqual(['⌘', 'T']);
    expect(keyLabels({ key: 'ArrowDown', alt: true }, false)).toEqual(['Alt', '↓']);
    expect(accelerator({ key: 'r', mod: true })).toBe('CmdOrCtrl+R');
    expect(accelerator({ key: 'ArrowUp', alt: true })).toBe('Alt+Up');
    expect(matchesBinding(press('Enter', { ctrlKey: true, metaKey: true }), { key: 'Enter', mod: true }, false)).toBe(false);
  });
});
