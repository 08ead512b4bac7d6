// Marks in-thread search matches in the rendered messages with the CSS Custom Highlight API: ranges
// over the existing text nodes, so the thread's own rendering is never rewritten. Where the API is
// missing (older engines, jsdom) only the current message's outline shows.
import type { Matcher } from '../../../shared/search/highlight';

const ALL = 'thread-search';
const CURRENT = 'thread-search-current';
/** The parts of a message that hold its text; the meta line (names, times) is not searched. */
const TEXT_PARTS = '.message__bubble, .message__system-text';

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}

function registry(): { highlights: HighlightRegistry; Highlight: new (...ranges: Range[]) => unknown } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

function rangesIn(element: Element, matcher: Matcher): Range[] {
  const out: Range[] = [];
  for (const part of element.querySelectorAll(TEXT_PARTS)) {
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const [start, end] of matcher.ranges(text)) {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, end);
        out.push(range);
      }
    }
  }
  return out;
}

/** Highlights every match among `messageIds` in `root`, the current message's matches apart. */
export function paintMatches(root: Element, matcher: Matcher, messageIds: ReadonlySet<string>, currentId: string | null): void {
  const all: Range[] = [];
  const current: Range[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('[data-message-id]')) {
    const id = el.dataset.messageId ?? '';
    const isMatch = messageIds.has(id);
    if (isMatch) el.dataset.searchMatch = id === currentId ? 'current' : 'match';
    else delete el.dataset.searchMatch;
    if (isMatch) (id === currentId ? current : all).push(...rangesIn(el, matcher));
  }
  const r = registry();
  if (!r) return;
  r.highlights.set(ALL, new r.Highlight(...all));
  r.highlights.set(CURRENT, new r.Highlight(...current));
}

export function clearMatches(root: Element | null): void {
  for (const el of root?.querySelectorAll<HTMLElement>('[data-search-match]') ?? []) delete el.dataset.searchMatch;
  const r = registry();
  r?.highlights.delete(ALL);
  r?.highlights.delete(CURRENT);
}
