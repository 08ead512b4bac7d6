import type { FocusArea } from '../../../shared/keymap';

/** Classifies the focused element; the inbox list marks itself with data-shortcut-area="list". */
export function focusAreaOf(target: EventTarget | null): FocusArea {
  if (!(target instanceof Element)) return 'page';
  if (target.closest('input, textarea, select, [contenteditable="true"]')) return 'editing';
  if (target.closest('[data-shortcut-area="list"]')) return 'list';
  if (target.closest('button, a[href], summary, [role="button"], [role="tab"], dialog')) return 'control';
  return 'page';
}
