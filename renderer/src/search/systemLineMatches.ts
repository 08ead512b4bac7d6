// Search results on system lines, as the agent reads them. A system line with an event is shown
// worded in the agent's language (i18n/systemEventText.ts), while the indexes (the cache's and the
// backend's, which share one definition) hold its stored English body. So:
//
// - Global search: a hit on such a line shows the worded line as its snippet, with the query's
//   words marked where they occur in it, and is kept only when that text matches the query. A hit
//   found through English words the agent cannot see ("accepted" against "hat die Unterhaltung
//   angenommen") would be a result with nothing of the query in it. What does match in every
//   language is the tenant data the line carries (agent and queue names, closure reasons), which
//   is what an agent looks a line up by; who resolved what is also a status filter away. Indexing
//   every line once per language instead would multiply the index, need a re-index on every
//   language switch, and could not be shared with the backend's search, which knows no language.
//   A dropped hit leaves the list a little shorter than its limit; the server button remains.
// - In-thread search: the core returns the conversation's worded lines unmatched, with their
//   events (localSearch.ts `thread`), and they are matched here against the same text the thread
//   shows, so every match the counter counts is one the agent can see marked.
import type { TFunction } from 'i18next';
import type { SearchMessageHit, ThreadSearchMatch, ThreadSystemLine } from '../../../shared/ipc/contract';
import { snippet, type Matcher } from '../../../shared/search/highlight';
import { knownSystemEvent } from '../../../shared/systemEvents';
import { systemLineText } from '../i18n/systemEventText';

/** Hits as shown: a system line's snippet in the agent's language, kept only where that text matches. */
export function hitsAsShown(hits: readonly SearchMessageHit[], t: TFunction, matcher: Matcher): SearchMessageHit[] {
  const shown: SearchMessageHit[] = [];
  for (const hit of hits) {
    if (!knownSystemEvent(hit.event)) {
      shown.push(hit);
      continue;
    }
    const text = systemLineText(t, { body: hit.snippet.text, event: hit.event });
    if (matcher.matchesAll(text)) shown.push({ ...hit, snippet: snippet(text, matcher) });
  }
  return shown;
}

/** The thread's matches in thread order: the core's, plus the worded system lines whose shown text matches. */
export function threadMatches(
  result: { matches: readonly ThreadSearchMatch[]; systemLines: readonly ThreadSystemLine[] },
  t: TFunction,
  matcher: Matcher,
): ThreadSearchMatch[] {
  const lines = result.systemLines
    .filter((line) => matcher.matchesAll(systemLineText(t, { body: '', event: line.event })))
    .map(({ messageId, seq }) => ({ messageId, seq }));
  if (lines.length === 0) return [...result.matches];
  // The core's order: by seq, unsent messages (no seq yet) last; system lines always have a seq.
  const order = (m: ThreadSearchMatch) => m.seq ?? Number.MAX_SAFE_INTEGER;
  return [...result.matches, ...lines].sort((a, b) => order(a) - order(b));
}
