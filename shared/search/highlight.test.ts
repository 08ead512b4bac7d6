import { describe, expect, it } from 'vitest';
import { createMatcher, highlightDigits, segments, snippet } from './highlight';
import { parseQuery } from './query';

const matcher = (q: string, substring = false) => createMatcher(parseQuery(q), { substring });

describe('matcher', () => {
  it('finds words as prefixes at a word start, ignoring case and accents', () => {
    const m = matcher('resume REFU');
    const text = 'Your Résumé and the refund; prefund is not a match';
    expect(m.matchesAll(text)).toBe(true);
    expect(m.ranges(text).map(([s, e]) => text.slice(s, e))).toEqual(['Résumé', 'refu']);
  });

  it('needs every term', () => {
    expect(matcher('refund card').matchesAll('refund issued')).toBe(false);
  });

  it('matches a quoted phrase exactly across punctuation', () => {
    const m = matcher('"card ending"');
    expect(m.matchesAll('your card, ending 4471')).toBe(true);
    expect(m.matchesAll('your card endings')).toBe(false);
  });

  it('finds CJK anywhere, also one character', () => {
    const text = '明日東京駅に行きます';
    expect(matcher('東京').ranges(text)).toEqual([[2, 4]]);
    expect(matcher('駅').matchesAll(text)).toBe(true);
    expect(matcher('大阪').matchesAll(text)).toBe(false);
    // Hangul syllables and kana voicing marks are letters, not accents.
    expect(matcher('번호').matchesAll('주문 번호를')).toBe(true);
    expect(matcher('て').matchesAll('できます')).toBe(false);
  });

  it('maps offsets back through decomposed and astral characters', () => {
    const text = 'Cafe\u0301 😀 café';
    expect(matcher('cafe').ranges(text).map(([s, e]) => text.slice(s, e))).toEqual(['Cafe\u0301', 'café']);
  });

  it('matches substrings in substring mode', () => {
    expect(matcher('aria', true).ranges('Maria Garcia')).toEqual([[1, 5]]);
    expect(matcher('aria').ranges('Maria Garcia')).toEqual([]);
  });

  it('is empty for a query without terms', () => {
    expect(matcher('""').matchesAll('anything')).toBe(false);
    expect(matcher('""').ranges('anything')).toEqual([]);
  });
});

describe('snippet', () => {
  it('keeps short texts whole', () => {
    expect(snippet('Refund issued', matcher('refund'))).toEqual({ text: 'Refund issued', ranges: [[0, 6]] });
  });

  it('cuts around the first match with ellipses', () => {
    const text = `${'lorem ipsum '.repeat(30)}the tracking number is 1Z999 ${'dolor sit '.repeat(30)}`;
    const s = snippet(text, matcher('tracking'), 80);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    const [range] = s.ranges;
    expect(range && s.text.slice(range[0], range[1])).toBe('tracking');
    expect(s.text.length).toBeLessThanOrEqual(82);
  });
});

describe('highlightDigits', () => {
  it('marks digits inside a formatted number', () => {
    const phone = '+1 555 0102 2233';
    const [r] = highlightDigits(phone, '01022');
    expect(r && phone.slice(r[0], r[1])).toBe('0102 2');
  });
});

describe('segments', () => {
  it('splits text into plain and marked parts', () => {
    expect(segments({ text: 'a refund b', ranges: [[2, 8]] })).toEqual([
      { text: 'a ', mark: false },
      { text: 'refund', mark: true },
      { text: ' b', mark: false },
    ]);
    expect(segments({ text: 'abc', ranges: [[5, 9]] })).toEqual([{ text: 'abc', mark: false }]);
  });
});
