import { describe, expect, it } from 'vitest';
import type { SearchMessageHit, SearchResults } from '../../../shared/ipc/contract';
import { moveActive, searchOptions } from './options';

const h = (text: string) => ({ text, ranges: [] });
const message = (messageId: string, conversationId: string, source: 'local' | 'server'): SearchMessageHit => ({
  messageId,
  conversationId,
  seq: 1,
  contactName: 'x',
  channel: 'sms',
  direction: 'inbound',
  kind: 'text',
  createdAt: 1,
  snippet: h('x'),
  source,
  event: null,
});

describe('searchOptions', () => {
  it('lists groups in display order and skips contacts without a conversation', () => {
    const local: SearchResults = {
      conversations: [{ conversationId: 'c1', contactName: h('A'), subject: null, channel: 'sms', status: 'queued', assigneeName: null, lastMessageAt: 1, reason: 'contact' }],
      messages: [message('m1', 'c2', 'local')],
      contacts: [
        { contactId: 'k1', name: h('A'), phone: null, email: null, conversationId: 'c1' },
        { contactId: 'k2', name: h('B'), phone: null, email: null, conversationId: null },
      ],
    };
    expect(searchOptions(local, [message('m9', 'c9', 'server')]).map((o) => [o.key, o.conversationId, o.messageId])).toEqual([
      ['c:c1', 'c1', null],
      ['m:m1', 'c2', 'm1'],
      ['k:k1', 'c1', null],
      ['s:m9', 'c9', 'm9'],
    ]);
    expect(searchOptions(undefined, undefined)).toEqual([]);
  });
});

describe('moveActive', () => {
  it('wraps around and starts from either end', () => {
    expect(moveActive(3, -1, 1)).toBe(0);
    expect(moveActive(3, -1, -1)).toBe(2);
    expect(moveActive(3, 2, 1)).toBe(0);
    expect(moveActive(3, 0, -1)).toBe(2);
    expect(moveActive(0, 0, 1)).toBe(-1);
  });
});
