// The keyboard map: one table drives both the key handling and the help overlay, so the overlay
// can never list a shortcut that does not exist (or miss one that does).

export type ShortcutId =
  | 'next'
  | 'previous'
  | 'open'
  | 'viewMine'
  | 'viewQueued'
  | 'viewAll'
  | 'reply'
  | 'leave'
  | 'diagnostics'
  | 'help';

/** Where keyboard focus is when a key is pressed. */
export type FocusArea = 'editing' | 'control' | 'list' | 'page';

interface Shortcut {
  id: ShortcutId | 'send' | 'newline';
  /** Alternatives as shown in the overlay, each a key combination. */
  keys: string[][];
  /** KeyboardEvent.key values that trigger it, per focus area that allows it. */
  match: { keys: string[]; areas: FocusArea[] } | null;
}

const ANYWHERE_BUT_TEXT: FocusArea[] = ['control', 'list', 'page'];
// Arrows and Enter keep their native meaning on buttons and inside the scrolling thread.
const LIST_OR_PAGE: FocusArea[] = ['list', 'page'];

export const SHORTCUTS: Shortcut[] = [
  { id: 'next', keys: [['j'], ['↓']], match: { keys: ['j'], areas: ANYWHERE_BUT_TEXT } },
  { id: 'previous', keys: [['k'], ['↑']], match: { keys: ['k'], areas: ANYWHERE_BUT_TEXT } },
  { id: 'open', keys: [['Enter']], match: { keys: ['Enter'], areas: LIST_OR_PAGE } },
  { id: 'viewMine', keys: [['1']], match: { keys: ['1'], areas: ANYWHERE_BUT_TEXT } },
  { id: 'viewQueued', keys: [['2']], match: { keys: ['2'], areas: ANYWHERE_BUT_TEXT } },
  { id: 'viewAll', keys: [['3']], match: { keys: ['3'], areas: ANYWHERE_BUT_TEXT } },
  { id: 'reply', keys: [['r']], match: { keys: ['r'], areas: ANYWHERE_BUT_TEXT } },
  // Sending and new lines are handled by the composer itself; listed here for the overlay.
  { id: 'send', keys: [['Enter']], match: null },
  { id: 'newline', keys: [['Shift', 'Enter']], match: null },
  { id: 'leave', keys: [['Esc']], match: { keys: ['Escape'], areas: ['editing'] } },
  { id: 'diagnostics', keys: [['d']], match: { keys: ['d'], areas: ANYWHERE_BUT_TEXT } },
  { id: 'help', keys: [['?']], match: { keys: ['?'], areas: ANYWHERE_BUT_TEXT } },
];

const ARROWS: Record<string, ShortcutId> = { ArrowDown: 'next', ArrowUp: 'previous' };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function matchShortcut(press: KeyPress, area: FocusArea): ShortcutId | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const arrow = ARROWS[press.key];
  if (arrow) return LIST_OR_PAGE.includes(area) ? arrow : null;
  for (const shortcut of SHORTCUTS) {
    if (shortcut.match?.keys.includes(press.key) && shortcut.match.areas.includes(area)) return shortcut.id as ShortcutId;
  }
  return null;
}

/** Classifies the focused element; the inbox list marks itself with data-shortcut-area="list". */
export function focusAreaOf(target: EventTarget | null): FocusArea {
  if (!(target instanceof Element)) return 'page';
  if (target.closest('input, textarea, select, [contenteditable="true"]')) return 'editing';
  if (target.closest('[data-shortcut-area="list"]')) return 'list';
  if (target.closest('button, a[href], summary, [role="button"], [role="tab"], dialog')) return 'control';
  return 'page';
}
