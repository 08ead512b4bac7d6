import { describe, expect, it } from 'vitest';
import { beforeFirstMessage, conversationSchema } from './domain';

describe('a conversation before its first message', () => {
  it('is a valid conversation with no preview, nobody waiting and no tags', () => {
    const conversation = {
      id: 'c1', contactId: 'k1', channel: 'sms', status: 'queued', queueId: 'q1', assigneeId: null, subject: null,
      createdAt: 1, lastMessageAt: 1, previousConversationId: null, seq: 0, ...beforeFirstMessage(),
    };
    expect(conversationSchema.parse(conversation)).toMatchObject({ lastMessagePreview: '', waitingSince: null, tags: [], labels: [] });
  });

  it('gives every conversation its own tag and label lists', () => {
    const a = beforeFirstMessage();
    const b = beforeFirstMessage();
    a.tags.push('vip');
    a.labels.push('bug');
    expect(b.tags).toEqual([]);
    expect(b.labels).toEqual([]);
  });
});
