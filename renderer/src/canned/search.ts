// The picker's search: shortcut first (agents type /hi), then title, then body; a query matches
// when its letters appear in order (fuzzy), closer together and earlier scoring higher.
import type { CannedItem } from '../../../shared/ipc/contract';

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** 0 when `query`'s characters do not appear in order in `text`; higher for tighter, earlier matches. */
export function fuzzyScore(query: string, text: string): number {
  const q = fold(query);
  const t = fold(text);
  if (q === '') return 1;
  const at = t.indexOf(q);
  if (at >= 0) return 100 - Math.min(at, 50) + (at === 0 ? 50 : 0);
  let gaps = 0;
  let last = -1;
  for (const ch of q) {
    const found = t.indexOf(ch, last + 1);
    if (found < 0) return 0;
    if (last >= 0) gaps += found - last - 1;
    last = found;
  }
  return Math.max(1, 40 - gaps);
}

export function searchCanned(items: readonly CannedItem[], query: string, category: string | null): CannedItem[] {
  const pool = category === null ? items : items.filter((c) => c.category === category);
  if (query.trim() === '') return [...pool].sort((a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title));
  const q = fold(query.trim());
  // What the agent typed after "/" is usually a shortcut: an exact or prefix match wins outright.
  const shortcutBonus = (shortcut: string) => (shortcut === q ? 1_000 : shortcut.startsWith(q) ? 500 : 0);
  return pool
    .map((c) => ({
      c,
      score: shortcutBonus(c.shortcut) + 3 * fuzzyScore(query, c.shortcut) + 2 * fuzzyScore(query, c.title) + (fold(c.body).includes(q) ? 20 : 0),
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || b.c.uses - a.c.uses || a.c.title.localeCompare(b.c.title))
    .map((s) => s.c);
}

export function categoriesOf(items: readonly CannedItem[]): string[] {
  return [...new Set(items.map((c) => c.category))].sort((a, b) => a.localeCompare(b));
}
