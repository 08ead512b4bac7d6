// Finds where a parsed query matches a text, with the same rules as the indexes (folded case and
// accents, words as prefixes at a word start, phrases exact, CJK as substrings), in the original
// text's offsets: renderers draw the marks from these ranges as elements, never as HTML.
import { fold, hasCjk, tokens, type ParsedQuery, type QueryTerm } from './query';

/** [start, end) in UTF-16 offsets of the original text. */
export type MatchRange = readonly [number, number];

export interface Highlighted {
  text: string;
  ranges: MatchRange[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const SEPARATOR = '[^\\p{L}\\p{N}]+';

const SPACED_WORD_CHAR = '(?![\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}])[\\p{L}\\p{N}]';

function termPattern(term: QueryTerm, substring: boolean): RegExp | null {
  const ts = tokens(term.text);
  if (ts.length === 0) return null;
  const body = ts.map(escapeRegExp).join(SEPARATOR);
  // CJK is written without spaces: any substring counts, as in the trigram index.
  if (substring || hasCjk(term.text)) return new RegExp(body, 'gu');
  // A word starts after anything but a letter or digit of a spaced script: CJK text runs on
  // without spaces, so "iPhone" in "東京iPhone" is a word of its own.
  const tail = term.phrase ? `(?!${SPACED_WORD_CHAR})` : '';
  return new RegExp(`(?<!${SPACED_WORD_CHAR})${body}${tail}`, 'gu');
}

/** One compiled matcher per query: reuse it over many texts. */
export interface Matcher {
  /** Every term occurs in the text. */
  matchesAll(text: string): boolean;
  /** All occurrences of any term, sorted and merged, in original offsets. */
  ranges(text: string): MatchRange[];
}

interface FoldedText {
  text: string;
  /** For each UTF-16 unit of the folded text: where its code point starts / ends in the original. */
  starts: number[];
  ends: number[];
}

const foldedChars = new Map<string, string>();

/** fold() of one code point; ASCII directly, others memoised (a text has few distinct ones). */
function foldChar(cp: string): string {
  if (cp.charCodeAt(0) < 0x80) return cp.toLowerCase();
  let f = foldedChars.get(cp);
  if (f === undefined) {
    f = fold(cp);
    if (foldedChars.size < 10_000) foldedChars.set(cp, f);
  }
  return f;
}

function foldWithOffsets(original: string): FoldedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const cp of original) {
    const f = foldChar(cp);
    text += f;
    for (let k = 0; k < f.length; k++) {
      starts.push(i);
      ends.push(i + cp.length);
    }
    i += cp.length;
  }
  return { text, starts, ends };
}

export function mergeRanges(ranges: MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * `substring`: terms match anywhere, not only at a word start (for trigram-indexed fields such as
 * contact names and addresses).
 */
export function createMatcher(query: ParsedQuery, options: { substring?: boolean } = {}): Matcher {
  const substring = options.substring ?? false;
  const patterns = query.terms.map((t) => termPattern(t, substring)).filter((p): p is RegExp => p !== null);
  return {
    matchesAll(text) {
      if (patterns.length === 0) return false;
      const folded = fold(text);
      return patterns.every((p) => {
        p.lastIndex = 0;
        return p.test(folded);
      });
    },
    ranges(text) {
      if (patterns.length === 0 || text === '') return [];
      const folded = foldWithOffsets(text);
      const found: MatchRange[] = [];
      for (const p of patterns) {
        p.lastIndex = 0;
        for (const m of folded.text.matchAll(p)) {
          if (m[0].length === 0) continue;
          const start = folded.starts[m.index] as number;
          let end = folded.ends[m.index + m[0].length - 1] as number;
          // Combining accents fold to nothing: keep them with the letter they belong to.
          while (end < text.length && /\p{M}/u.test(text[end] as string)) end++;
          found.push([start, end]);
        }
      }
      return mergeRanges(found);
    },
  };
}

/**
 * The part of a long text around its first match, with the matches in it. Cuts at word
 * boundaries where it can and marks cuts with an ellipsis.
 */
export function snippet(text: string, matcher: Matcher, width = 80): Highlighted {
  const flat = text.replace(/\s+/gu, ' ');
  const ranges = matcher.ranges(flat);
  if (flat.length <= width) return { text: flat, ranges };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - Math.floor(width / 4), flat.length - width));
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start && space > (ranges[0]?.[1] ?? 0)) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length - start;
  const inside = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s + shift, e + shift] as const);
  return { text: prefix + flat.slice(start, end) + suffix, ranges: inside };
}

/** Highlights the digits of `digits` inside a formatted phone number ("+1 555 0102 2233"). */
export function highlightDigits(phone: string, digits: string): MatchRange[] {
  if (digits === '') return [];
  const positions: number[] = [];
  let onlyDigits = '';
  for (let i = 0; i < phone.length; i++) {
    if (/\d/.test(phone[i] as string)) {
      positions.push(i);
      onlyDigits += phone[i];
    }
  }
  const ranges: MatchRange[] = [];
  let from = onlyDigits.indexOf(digits);
  while (from !== -1) {
    ranges.push([positions[from] as number, (positions[from + digits.length - 1] as number) + 1]);
    from = onlyDigits.indexOf(digits, from + digits.length);
  }
  return ranges;
}

/** Splits a text into plain and marked parts for rendering. */
export function segments(h: Highlighted): { text: string; mark: boolean }[] {
  const out: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [s, e] of mergeRanges(h.ranges)) {
    const start = Math.max(s, at);
    const end = Math.min(e, h.text.length);
    if (start >= end) continue;
    if (start > at) out.push({ text: h.text.slice(at, start), mark: false });
    out.push({ text: h.text.slice(start, end), mark: true });
    at = end;
  }
  if (at < h.text.length) out.push({ text: h.text.slice(at), mark: false });
  return out;
}
