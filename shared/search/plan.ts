// Pure planning: which index answers a query and with which expression. No SQL execution here.
import type { SearchFilters } from './filters';
import {
  hasCjk,
  likeContains,
  phoneDigits,
  substringText,
  trigramMatchExpression,
  wordMatchExpression,
  type ParsedQuery,
} from './query';

export type MessagePlan =
  /** unicode61 index: words as prefixes, phrases exact. */
  | { kind: 'words'; match: string }
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
  const match = wordMatchExpression(q);
  return match === null ? null : { kind: 'words', match };
}

export type ContactPlan =
  | { kind: 'trigram'; match: string; digits: string[] }
  /** All terms shorter than a trigram: LIKE over names and addresses. */
  | { kind: 'scan'; likes: string[]; digits: string[] };

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
  return match !== null ? { kind: 'trigram', match, digits } : { kind: 'scan', likes: texts.map(likeContains), digits };
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
