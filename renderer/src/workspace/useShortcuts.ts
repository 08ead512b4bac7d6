import { useEffect, useRef } from 'react';
import { focusAreaOf, matchShortcut, type ShortcutId } from './shortcuts';

/** Calls `handle` for workspace shortcuts pressed anywhere in the window. */
export function useShortcuts(handle: (id: ShortcutId, event: KeyboardEvent) => void, enabled: boolean): void {
  // The handler changes every render; the listener is installed once and reads the latest.
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const id = matchShortcut(event, focusAreaOf(event.target));
      if (!id) return;
      event.preventDefault();
      latest.current(id, event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
