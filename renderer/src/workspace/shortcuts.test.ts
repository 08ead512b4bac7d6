import { describe, expect, it } from 'vitest';
import { focusAreaOf, matchShortcut, SHORTCUTS } from './shortcuts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('matchShortcut', () => {
  it('moves with j/k anywhere but text fields, arrows only in the list or page', () => {
    expect(matchShortcut(press('j'), 'page')).toBe('next');
    expect(matchShortcut(press('k'), 'control')).toBe('previous');
    expect(matchShortcut(press('ArrowDown'), 'list')).toBe('next');
    expect(matchShortcut(press('ArrowDown'), 'control')).toBeNull();
    expect(matchShortcut(press('j'), 'editing')).toBeNull();
  });

  it('switches views and opens', () => {
    expect(matchShortcut(press('1'), 'page')).toBe('viewMine');
    expect(matchShortcut(press('3'), 'list')).toBe('viewAll');
    expect(matchShortcut(press('Enter'), 'list')).toBe('open');
    expect(matchShortcut(press('Enter'), 'control')).toBeNull();
  });

  it('leaves the composer with Escape and ignores modified keys', () => {
    expect(matchShortcut(press('Escape'), 'editing')).toBe('leave');
    expect(matchShortcut(press('r', { ctrlKey: true }), 'page')).toBeNull();
    expect(matchShortcut(press('?'), 'page')).toBe('help');
  });

  it('lists every shortcut it handles', () => {
    const listed = new Set(SHORTCUTS.map((shortcut) => shortcut.id));
    for (const id of ['next', 'previous', 'open', 'viewMine', 'viewQueued', 'viewAll', 'reply', 'leave', 'diagnostics', 'help', 'send', 'newline']) {
      expect(listed.has(id as never)).toBe(true);
    }
  });
});

describe('focusAreaOf', () => {
  it('classifies the focused element', () => {
    document.body.innerHTML = '<textarea></textarea><div data-shortcut-area="list"><div id="row"></div></div><button></button>';
    expect(focusAreaOf(document.querySelector('textarea'))).toBe('editing');
    expect(focusAreaOf(document.getElementById('row'))).toBe('list');
    expect(focusAreaOf(document.querySelector('button'))).toBe('control');
    expect(focusAreaOf(document.body)).toBe('page');
  });
});
