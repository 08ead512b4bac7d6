// What an agent types into a search box, turned into safe FTS5 expressions and into the matcher
// that highlights results. User input is never FTS syntax: every word becomes a quoted string, so
// quotes, operators (AND, OR, NOT, NEAR), `*`, `^`, `:`, parentheses and column filters are plain
// text and no input can make a query fail. All terms must match (AND). A word matches as a prefix
// ("refu" finds "refund"); a "quoted phrase" matches exactly; case and accents never matter.

/** One thing to find: a word the agent typed, or a quoted phrase. */
export interface QueryTerm {
  /** The agent's text, trimmed, with quotes removed. */
  text: string;
  phrase: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
}

/** Inputs longer than this are cut: a search box is not a document. */
export const MAX_QUERY_LENGTH = 500;
/** At most this many terms take part; the rest are ignored rather than building a huge query. */
export const MAX_TERMS = 12;

export function parseQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_QUERY_LENGTH);
  // A phone number typed with spaces ("+44 7700 900123") is one thing to find, not three.
  if (phoneDigits(text.trim()) !== null) return { terms: [{ text: text.trim(), phrase: false }] };
  const terms: QueryTerm[] = [];
  const push = (raw: string, phrase: boolean) => {
    const trimmed = raw.trim();
    if (trimmed !== '' && hasSearchableChar(trimmed) && terms.length < MAX_TERMS) terms.push({ text: trimmed, phrase });
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') {
      // An unterminated quote runs to the end: the agent is still typing the phrase.
      const close = text.indexOf('"', i + 1);
      const end = close === -1 ? text.length : close;
      const inner = text.slice(i + 1, end);
      // A phrase of one word is still exact (no prefix): that is what the quotes ask for.
      push(inner, true);
      i = end + 1;
    } else if (/\s/u.test(ch)) {
      i++;
    } else {
      let end = i;
      while (end < text.length && !/\s/u.test(text[end] as string) && text[end] !== '"') end++;
      push(text.slice(i, end), false);
      i = end;
    }
  }
  return { terms };
}

export const isEmptyQuery = (q: ParsedQuery) => q.terms.length === 0;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const hasSearchableChar = (s: string) => WORD_CHAR.test(s);

/** Chinese, Japanese and Korean script: written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
export const hasCjk = (s: string) => CJK.test(s);

/**
 * Lower case, accents removed: "Résumé" → "resume", as the FTS tokenizers fold. Only the combining
 * diacritics of Latin, Greek and Cyrillic letters go: Hangul syllables and kana voicing marks are
 * composed again, since they change the letter rather than accent it.
 */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase();
}

/** Word tokens the way SQLite's unicode61 tokenizer sees them (letters and digits, folded). */
export function tokens(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
}

/**
 * The digits of a phone number the agent typed in any formatting ("+1 (555) 010-2233"), or null
 * when the term is not phone-like. Three digits at least, so "5" stays an ordinary word.
 */
export function phoneDigits(s: string): string | null {
  if (!/^[+\d\s().\-/]+$/u.test(s)) return null;
  const digits = s.replace(/\D/g, '');
  return digits.length >= 3 ? digits : null;
}

/** The digits of a stored phone number, as the contacts index keeps them. */
export const normalizePhone = (phone: string | null): string => (phone ?? '').replace(/\D/g, '');

/** An FTS5 string literal: the only quoting FTS5 has is doubling the double quote. */
export const ftsString = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * MATCH expression for a unicode61 index (messages, subjects), or null when nothing is searchable.
 * Words are prefixes; phrases exact. Terms whose tokens are empty after folding are skipped.
 */
export function wordMatchExpression(q: ParsedQuery): string | null {
  const parts: string[] = [];
  for (const term of q.terms) {
    const ts = tokens(term.text);
    if (ts.length === 0) continue;
    parts.push(ftsString(ts.join(' ')) + (term.phrase ? '' : '*'));
  }
  return parts.length === 0 ? null : parts.join(' AND ');
}

/** The trigram tokenizer cannot match strings shorter than this. */
export const TRIGRAM_MIN = 3;

/** Folded text of a term for substring (trigram) matching: whitespace runs become one space. */
export const substringText = (term: QueryTerm): string => fold(term.text).replace(/\s+/gu, ' ');

const charLength = (s: string) => [...s].length;

/**
 * MATCH expression for a trigram index: the terms of at least three characters, each a quoted
 * substring. Shorter terms cannot be matched by trigrams; the caller filters for them.
 */
export function trigramMatchExpression(texts: readonly string[]): string | null {
  const parts = texts.filter((t) => charLength(t) >= TRIGRAM_MIN).map(ftsString);
  return parts.length === 0 ? null : parts.join(' AND ');
}

/** A LIKE pattern for "contains `s`", with `\` as the escape character. */
export const likeContains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
