// Pure planning: which index answers a query and with which expression. No SQL execution here.
import type { SearchFilters } from './filters';
import {
  hasCjk,
  likeContains,
  ftsString,
  phoneDigits,
  substringText,
  tokens,
  trigramMatchExpression,
  wordMatchExpression,
  type ParsedQuery,
} from './query';

export type MessagePlan =
  /**
   * unicode61 index: words as prefixes, phrases exact. `narrow`, when set, finds a superset of the
   * matches through the short-prefix indexes (see narrowMatchExpression); the caller checks each
   * candidate and falls back to `match` if that takes too long.
   */
  | {
      kind: 'words';
      match: string;
      narrow: string | null;
      /**
       * The same terms over the trigram index of CJK messages, where a word may be glued to CJK
       * text ("東京iPhone") that unicode61 keeps as one token; null when no term is long enough
       * for trigrams. Its candidates are checked by the matcher and merged in.
       */
      glued: string | null;
    }
  /** Trigram index over CJK messages; shorter terms are checked on the candidates. */
  | { kind: 'trigram'; match: string }
  /** Every term is one or two characters of CJK text: LIKE over the newest CJK messages. */
  | { kind: 'cjkScan'; likes: string[] };

export function planMessages(q: ParsedQuery): MessagePlan | null {
  if (q.terms.length === 0) return null;
  if (q.terms.some((t) => hasCjk(t.text))) {
    const texts = q.terms.map(substringText);
    const match = trigramMatchExpression(texts);
    return match !== null ? { kind: 'trigram', match } : { kind: 'cjkScan', likes: texts.map(likeContains) };
  }
  // A single letter matches nearly everything and no prefix index covers it: wait for more.
  if (q.terms.every((t) => !t.phrase && tokens(t.text).join('').length < 2)) return null;
  const match = wordMatchExpression(q);
  if (match === null) return null;
  const narrow = narrowMatchExpression(q);
  return { kind: 'words', match, narrow: narrow === match ? null : narrow, glued: trigramMatchExpression(q.terms.map(substringText)) };
}

/** Length of the longest prefix index (messages_fts `prefix = '2 3'`). */
export const INDEXED_PREFIX = 3;

/**
 * The word expression with every word cut to its indexed prefix ("refund" → "ref"*). FTS5 answers
 * a prefix without an index by merging the doclists of every term it covers before returning the
 * first row; an indexed prefix is read lazily, newest first, so LIMIT stops it early.
 */
export function narrowMatchExpression(q: ParsedQuery): string | null {
  const parts: string[] = [];
  for (const term of q.terms) {
    const ts = tokens(term.text);
    if (ts.length === 0) continue;
    if (term.phrase) {
      parts.push(ftsString(ts.join(' ')));
      continue;
    }
    const last = [...(ts.pop() as string)].slice(0, INDEXED_PREFIX).join('');
    parts.push(`${ftsString([...ts, last].join(' '))}*`);
  }
  return parts.length === 0 ? null : parts.join(' AND ');
}

export type ContactPlan =
  | { kind: 'trigram'; match: string; digits: string[] }
  /**
   * All terms shorter than a trigram: LIKE over names and addresses. `cjkNames`: a term is CJK, so
   * only contacts with CJK in their name can match (through the partial index on those names; a CJK
   * term found only in an e-mail address is not looked for).
   */
  | { kind: 'scan'; likes: string[]; digits: string[]; cjkNames: boolean };

/** Contacts: a phone-like term is searched as its digits, anything else as a substring. */
export function planContacts(q: ParsedQuery): ContactPlan | null {
  if (q.terms.length === 0) return null;
  const digits: string[] = [];
  const texts = q.terms.map((t) => {
    const d = phoneDigits(t.text);
    if (d !== null) digits.push(d);
    return d ?? substringText(t);
  });
  const match = trigramMatchExpression(texts);
  return match !== null
    ? { kind: 'trigram', match, digits }
    : { kind: 'scan', likes: texts.map(likeContains), digits, cjkNames: texts.some(hasCjk) };
}

/** A conversation id (or its start) typed or pasted as a reference: lowercase hex and dashes. */
export function referencePrefix(q: ParsedQuery): string | null {
  const only = q.terms.length === 1 ? q.terms[0] : undefined;
  if (!only) return null;
  const text = only.text.toLowerCase();
  return /^[0-9a-f][0-9a-f-]{5,99}$/.test(text) && /\d/.test(text) ? text : null;
}

/**
 * SQL conditions for the filters over conversation alias `c`, with `timeColumn` for the date
 * range, and their named parameters. Only the conditions present are emitted, so each filter
 * combination is one prepared statement.
 */
export function filterSql(filters: SearchFilters, timeColumn: string): { sql: string; params: Record<string, string | number>; key: string } {
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  if (filters.channel !== undefined) {
    parts.push('c.channel = @channel');
    params.channel = filters.channel;
  }
  if (filters.status !== undefined) {
    parts.push('c.status = @status');
    params.status = filters.status;
  }
  if (filters.assigneeId !== undefined) {
    parts.push('c.assignee_id = @assigneeId');
    params.assigneeId = filters.assigneeId;
  }
  if (filters.from !== undefined) {
    parts.push(`${timeColumn} >= @from`);
    params.from = filters.from;
  }
  if (filters.to !== undefined) {
    parts.push(`${timeColumn} < @to`);
    params.to = filters.to;
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params, key: Object.keys(params).join(',') };
}

export const hasFilters = (filters: SearchFilters) => filterSql(filters, 'x').key !== '';
