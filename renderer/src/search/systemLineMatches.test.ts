import { describe, expect, it } from 'vitest';
import type { SearchMessageHit } from '../../../shared/ipc/contract';
import type { Language } from '../../../shared/i18n/languages';
import { createMatcher, segments, snippet } from '../../../shared/search/highlight';
import { parseQuery } from '../../../shared/search/query';
import { systemEvent, type SystemEvent } from '../../../shared/systemEvents';
import { createI18n } from '../i18n/i18n';
import { hitsAsShown, threadMatches } from './systemLineMatches';

const words = async (language: Language) => (await createI18n(language, [language])).i18n.t;
const matcherFor = (query: string) => createMatcher(parseQuery(query));
const accepted = systemEvent('accepted', { agent: 'Bea Schmidt' });

function hit(messageId: string, body: string, query: string, event: SystemEvent | null): SearchMessageHit {
  return {
    messageId, conversationId: 'c1', seq: 1, contactName: 'Rosa', channel: 'sms', direction: event ? 'system' : 'inbound', kind: 'text',
    createdAt: 1, snippet: snippet(body, matcherFor(query)), source: 'local', event,
  };
}
const marks = (h: SearchMessageHit) => segments(h.snippet).filter((s) => s.mark).map((s) => s.text);

describe('global search hits on system lines', () => {
  it('show the line as the agent reads it, with the query marked in it', async () => {
    const de = await words('de');
    const [shown] = hitsAsShown([hit('m1', 'Bea Schmidt accepted the conversation', 'bea', accepted)], de, matcherFor('bea'));
    expect(shown!.snippet.text).toBe('Bea Schmidt hat die Unterhaltung angenommen');
    expect(marks(shown!)).toEqual(['Bea']);
  });

  it('drop a line found only through English words the agent does not see; keep everything else as found', async () => {
    const de = await words('de');
    const found = [
      hit('m1', 'Bea Schmidt accepted the conversation', 'accepted', accepted),
      hit('m2', 'I accepted the offer', 'accepted', null),
      hit('m3', 'Bea accepted a merge', 'accepted', { code: 'merged', params: {} }),
    ];
    expect(hitsAsShown(found, de, matcherFor('accepted')).map((h) => h.messageId)).toEqual(['m2', 'm3']);
    const en = await words('en');
    expect(hitsAsShown(found, en, matcherFor('accepted')).map((h) => h.messageId)).toEqual(['m1', 'm2', 'm3']);
  });
});

describe('in-thread search over system lines', () => {
  const result = {
    matches: [{ messageId: 'm1', seq: 1 }, { messageId: 'm9', seq: 9 }, { messageId: 'unsent', seq: null }],
    systemLines: [
      { messageId: 's5', seq: 5, event: accepted },
      { messageId: 's7', seq: 7, event: systemEvent('resolved', { agent: 'Alex', reason: 'Solved' }) },
    ],
  };

  it('matches the text the thread shows, in thread order', async () => {
    const de = await words('de');
    expect(threadMatches(result, de, matcherFor('angenommen')).map((m) => m.messageId)).toEqual(['m1', 's5', 'm9', 'unsent']);
    expect(threadMatches(result, de, matcherFor('accepted')).map((m) => m.messageId)).toEqual(['m1', 'm9', 'unsent']);
    const ar = await words('ar');
    expect(threadMatches(result, ar, matcherFor('أنهى')).map((m) => m.messageId)).toEqual(['m1', 's7', 'm9', 'unsent']);
  });
});
