import { describe, expect, it } from 'vitest';
import { planContacts, planMessages, referencePrefix, filterSql } from './plan';
import {
  fold,
  ftsString,
  likeContains,
  MAX_TERMS,
  parseQuery,
  phoneDigits,
  tokens,
  trigramMatchExpression,
  wordMatchExpression,
} from './query';

describe('parseQuery', () => {
  it('splits words and keeps quoted phrases', () => {
    expect(parseQuery('  refund "card ending"  4471 ').terms).toEqual([
      { text: 'refund', phrase: false },
      { text: 'card ending', phrase: true },
      { text: '4471', phrase: false },
    ]);
  });

  it('treats an unterminated quote as a phrase being typed', () => {
    expect(parseQuery('order "was suppos').terms).toEqual([
      { text: 'order', phrase: false },
      { text: 'was suppos', phrase: true },
    ]);
  });

  it('drops terms without a letter or digit and caps the number of terms', () => {
    expect(parseQuery('"" * ( ) -- ^ :').terms).toEqual([]);
    expect(parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')).terms).toHaveLength(MAX_TERMS);
  });
});

describe('FTS expressions', () => {
  it('quotes every term, prefixes words and keeps phrases exact', () => {
    expect(wordMatchExpression(parseQuery('refu "card ending"'))).toBe('"refu"* AND "card ending"');
  });

  it('makes operators and FTS syntax plain text', () => {
    expect(wordMatchExpression(parseQuery('NOT refund OR body:x NEAR(a b)'))).toBe(
      '"not"* AND "refund"* AND "or"* AND "body x"* AND "near a"* AND "b"*',
    );
    expect(wordMatchExpression(parseQuery('"'))).toBeNull();
    expect(ftsString('say "hi"')).toBe('"say ""hi"""');
  });

  it('folds accents and case like the unicode61 tokenizer', () => {
    expect(fold('Résumé ÜBER Ação')).toBe('resume uber acao');
    expect(tokens("O’Brien's résumé!")).toEqual(['o', 'brien', 's', 'resume']);
  });

  it('builds trigram expressions only from terms of three characters or more', () => {
    expect(trigramMatchExpression(['東京駅', '東京', 'ab', 'abc'])).toBe('"東京駅" AND "abc"');
    expect(trigramMatchExpression(['東'])).toBeNull();
  });

  it('escapes LIKE wildcards', () => {
    expect(likeContains('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('phone digits', () => {
  it('reads a phone number in any formatting', () => {
    expect(phoneDigits('+1 (555) 010-2233')).toBe('15550102233');
    expect(phoneDigits('0491.570/123')).toBe('0491570123');
    expect(phoneDigits('12')).toBeNull();
    expect(phoneDigits('order 4411')).toBeNull();
  });
});

describe('plans', () => {
  it('uses words for Latin text, trigrams for CJK, a bounded scan for short CJK', () => {
    expect(planMessages(parseQuery('refund'))).toEqual({ kind: 'words', match: '"refund"*', narrow: '"ref"*', glued: '"refund"' });
    expect(planMessages(parseQuery('ref "card ending"'))).toEqual({ kind: 'words', match: '"ref"* AND "card ending"', narrow: null, glued: '"ref" AND "card ending"' });
    expect(planMessages(parseQuery('an ox'))).toMatchObject({ kind: 'words', glued: null });
    // One letter alone searches no messages; CJK has no such floor.
    expect(planMessages(parseQuery('o'))).toBeNull();
    expect(planMessages(parseQuery('駅'))).toEqual({ kind: 'cjkScan', likes: ['%駅%'] });
    expect(planMessages(parseQuery('東京駅'))).toEqual({ kind: 'trigram', match: '"東京駅"' });
    expect(planMessages(parseQuery('東京'))).toEqual({ kind: 'cjkScan', likes: ['%東京%'] });
    expect(planMessages(parseQuery('   '))).toBeNull();
  });

  it('searches contacts by substring and phone digits', () => {
    expect(planContacts(parseQuery('+44 7700'))).toEqual({ kind: 'trigram', match: '"447700"', digits: ['447700'] });
    expect(planContacts(parseQuery('Mü'))).toEqual({ kind: 'scan', likes: ['%mu%'], digits: [], cjkNames: false });
    expect(planContacts(parseQuery('王 a'))).toMatchObject({ kind: 'scan', cjkNames: true });
  });

  it('recognises a conversation reference', () => {
    expect(referencePrefix(parseQuery('0192F3A4-5b'))).toBe('0192f3a4-5b');
    expect(referencePrefix(parseQuery('refund'))).toBeNull();
    expect(referencePrefix(parseQuery('0192f3a4 x'))).toBeNull();
  });

  it('emits only the filters present', () => {
    expect(filterSql({}, 'm.created_at')).toEqual({ sql: '', params: {}, key: '' });
    expect(filterSql({ channel: 'sms', to: 5 }, 'm.created_at')).toEqual({
      sql: ' AND c.channel = @channel AND m.created_at < @to',
      params: { channel: 'sms', to: 5 },
      key: 'channel,to',
    });
  });
});

describe('hostile input never breaks parsing', () => {
  const alphabet = ['"', "'", '*', '^', ':', '(', ')', '-', '+', 'AND', 'OR', 'NOT', 'NEAR', ' ', '\\', '%', '_', '{', '}', 'a', '東', 'é', '\u0000', '\ud800', '😀'];
  it('parses thousands of random strings into quoted expressions', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 3000; i++) {
      const input = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const q = parseQuery(input);
      const words = wordMatchExpression(q);
      if (words !== null) expect(words).toMatch(/^"([^"]|"")*"\*?( AND "([^"]|"")*"\*?)*$/);
      expect(() => planMessages(q)).not.toThrow();
      expect(() => planContacts(q)).not.toThrow();
    }
  });
});
