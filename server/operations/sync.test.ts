// Snapshot, pull, history, read markers and carrier receipts against a real demo backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS } from '../../shared/demo';
import type { Conversation, Message } from '../../shared/domain';
import { type AgentSocket, type Backend, connectAgent, startBackend } from '../../testing/backend';
import { freshPhone, head, newClientId, pullAll, uniqueId, waitFor } from '../test/helpers';

let backend: Backend;
let alex: AgentSocket;
let alexId: string;
let token: string;

beforeAll(async () => {
  backend = await startBackend({ seed: 'demo', carrierDelayScale: 0.02 });
  const login = await backend.login();
  token = login.token;
  alexId = login.agent.id;
  alex = await connectAgent(backend.url, token);
});

afterAll(async () => {
  alex?.close();
  await backend?.stop();
});

/** A new customer writes in; returns the new conversation. */
async function openConversation(text = 'Hello, I have a question about my bill.', phone = freshPhone()): Promise<string> {
  const answer = await backend.webhook('whatsapp', { externalId: uniqueId('wa'), from: phone, text });
  expect(answer.status).toBe(200);
  return (answer.json as { conversationId: string }).conversationId;
}

describe('sync.snapshot', () => {
  it('pages through every windowed conversation exactly once while writes happen between pages', async () => {
    const first = await alex.request('sync.snapshot', { limit: 40, windowDays: 90, messagesPerConversation: 5 });
    const atSeq = first.atSeq;
    expect(atSeq).toBe(await head(alex));
    expect(first.totalConversations).toBe(300);
    expect(first.agents.map((a) => a.email).sort()).toEqual(DEMO_AGENTS.map((a) => a.email).sort());
    expect(first.queues.map((q) => q.name)).toEqual(['General', 'Billing', 'Technical']);

    const seen: Conversation[] = [...first.conversations];
    const messages: Message[] = [...first.messages];
    let page = first;
    let pages = 1;
    while (page.nextCursor) {
      // New conversations and messages on existing ones arrive between pages.
      await openConversation();
      await backend.webhook('sms', { externalId: uniqueId('sms'), from: freshPhone(), text: 'another new one' });
      page = await alex.request('sync.snapshot', { cursor: page.nextCursor, limit: 40, windowDays: 90, messagesPerConversation: 5 });
      expect(page.atSeq).toBe(atSeq);
      expect(page.totalConversations).toBe(300);
      seen.push(...page.conversations);
      messages.push(...page.messages);
      // Every page is self-contained: its contacts and read states cover its conversations.
      const contactIds = new Set(page.contacts.map((c) => c.id));
      for (const c of page.conversations) expect(contactIds.has(c.contactId)).toBe(true);
      expect(page.reads.map((r) => r.conversationId)).toEqual(page.conversations.map((c) => c.id));
      pages++;
    }
    expect(pages).toBe(8);
    const ids = seen.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The 300 seeded conversations are all inside 90 days; those created during paging have
    // ids above the first page's and come by catch-up instead.
    const created = await pullAll(alex, atSeq);
    const newIds = new Set(created.events.flatMap((e) => (e.type === 'conversation.upserted' ? [e.conversation.id] : [])));
    expect(ids.filter((id) => !newIds.has(id))).toHaveLength(300);

    // At most N messages per conversation, and they are each conversation's newest.
    const perConversation = new Map<string, number>();
    for (const m of messages) perConversation.set(m.conversationId, (perConversation.get(m.conversationId) ?? 0) + 1);
    expect(Math.max(...perConversation.values())).toBe(5);
  });

  it('limits the window to open conversations plus recent activity', async () => {
    const narrow = await alex.request('sync.snapshot', { windowDays: 1, limit: 2000, messagesPerConversation: 0 });
    const cutoff = Date.now() - 24 * 60 * 60 * 1000 - 5_000;
    expect(narrow.totalConversations).toBeLessThan(300);
    expect(narrow.conversations.length).toBe(narrow.totalConversations);
    for (const c of narrow.conversations) {
      expect(c.status !== 'resolved' || c.lastMessageAt >= cutoff).toBe(true);
    }
    expect(narrow.messages).toEqual([]);
    expect(narrow.conversations.filter((c) => c.status === 'active' && c.assigneeId === alexId).length).toBeGreaterThanOrEqual(3);
  });

  it('reports unread inbound messages per conversation for the requesting agent', async () => {
    const phone = freshPhone();
    const conversationId = await openConversation('First question', phone);
    await openConversation('Second question', phone);
    const find = async () => {
      const all = await alex.request('sync.snapshot', { windowDays: 1, limit: 2000, messagesPerConversation: 1 });
      return all.reads.find((r) => r.conversationId === conversationId)!;
    };
    expect(await find()).toEqual({ conversationId, readSeq: 0, unreadCount: 2 });
    const history = await backend.history(token, conversationId);
    await alex.request('conversation.markRead', { clientId: newClientId(), conversationId, readSeq: history[0]!.seq });
    expect(await find()).toEqual({ conversationId, readSeq: history[0]!.seq, unreadCount: 1 });
  });

  it('rejects a forged cursor', async () => {
    await expect(alex.request('sync.snapshot', { cursor: 'eyJ2IjoyfQ' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/cursor/) });
  });
});

describe('sync.pull', () => {
  it('pages in seq order with hasMore, and sends mustRefetch for cursors before the floor', async () => {
    const start = await head(alex);
    // The demo seed writes rows, not events: the log starts at the seeded head.
    expect(await alex.request('sync.pull', { after: 0 })).toEqual({ mustRefetch: true, head: start });
    expect(await alex.request('sync.pull', { after: start + 1_000 })).toMatchObject({ mustRefetch: true });

    for (let i = 0; i < 4; i++) await openConversation(`pull ${i}`);
    const firstPage = await alex.request('sync.pull', { after: start, limit: 5 });
    if (firstPage.mustRefetch) throw new Error('unexpected mustRefetch');
    expect(firstPage.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5].map((n) => start + n));
    expect(firstPage.hasMore).toBe(true);
    const rest = await pullAll(alex, start + 5, 5);
    expect(rest.events.map((e) => e.seq)).toEqual(Array.from({ length: rest.head - start - 5 }, (_, i) => start + 6 + i));
    const end = await alex.request('sync.pull', { after: rest.head });
    expect(end).toEqual({ mustRefetch: false, events: [], head: rest.head, hasMore: false });
  });

  it('pushes committed events live to the tenant room', async () => {
    const before = alex.events.length;
    const conversationId = await openConversation('live please');
    const pushed = await waitFor(() => alex.events.slice(before).find((e) => e.type === 'conversation.upserted' && e.conversation.id === conversationId));
    expect(pushed.type).toBe('conversation.upserted');
  });
});

describe('history.page', () => {
  it('returns older messages oldest-first with hasMore', async () => {
    const phone = freshPhone();
    const conversationId = await openConversation('message 0', phone);
    for (let i = 1; i < 7; i++) expect(await openConversation(`message ${i}`, phone)).toBe(conversationId);
    const all = await backend.history(token, conversationId);
    expect(all.map((m) => m.body)).toEqual(Array.from({ length: 7 }, (_, i) => `message ${i}`));

    const newest = await alex.request('history.page', { conversationId, beforeSeq: all[6]!.seq, limit: 4 });
    expect(newest.messages.map((m) => m.body)).toEqual(['message 2', 'message 3', 'message 4', 'message 5']);
    expect(newest.hasMore).toBe(true);
    const oldest = await alex.request('history.page', { conversationId, beforeSeq: all[2]!.seq, limit: 4 });
    expect(oldest.messages.map((m) => m.body)).toEqual(['message 0', 'message 1']);
    expect(oldest.hasMore).toBe(false);
    await expect(alex.request('history.page', { conversationId: 'nope', beforeSeq: 5 })).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe('message.send and receipts', () => {
  it('moves a reply sent → delivered → read; a note gets no status and no receipts', async () => {
    const conversationId = await openConversation('Do you ship to Norway?');
    const before = alex.events.length;
    const { message: reply } = await alex.request('message.send', { clientId: newClientId(), conversationId, body: 'Yes, we ship to Norway in 3–5 days.' });
    expect(reply).toMatchObject({ status: 'sent', direction: 'outbound', kind: 'text', channel: 'whatsapp', authorAgentId: alexId });
    const { message: note } = await alex.request('message.send', { clientId: newClientId(), conversationId, kind: 'note', body: 'Customer asked about shipping zones.' });
    expect(note).toMatchObject({ status: null, kind: 'note' });

    const statusOf = (id: string) => alex.events.slice(before).filter((e) => e.type === 'message.status' && e.messageId === id);
    const statuses = await waitFor(() => {
      const s = statusOf(reply.id);
      return s.length >= 2 && s;
    });
    expect(statuses.map((e) => (e.type === 'message.status' ? e.status : null))).toEqual(['delivered', 'read']);
    expect(statuses[0]!.seq).toBeLessThan(statuses[1]!.seq);
    await new Promise((r) => setTimeout(r, 300));
    expect(statusOf(note.id)).toEqual([]);

    const stored = await backend.history(token, conversationId);
    expect(stored.find((m) => m.id === reply.id)).toMatchObject({ status: 'read', statusSeq: statuses[1]!.seq });
    expect(stored.find((m) => m.id === note.id)).toMatchObject({ status: null });

    // Notes move the activity time but not the preview.
    const snap = await alex.request('sync.snapshot', { windowDays: 1, limit: 2000, messagesPerConversation: 0 });
    expect(snap.conversations.find((c) => c.id === conversationId)).toMatchObject({
      lastMessagePreview: 'Yes, we ship to Norway in 3–5 days.',
      lastMessageDirection: 'outbound',
    });
  });

  it('answers a voice conversation by SMS and rejects unknown conversations', async () => {
    const call = await backend.webhook('voice', { externalId: uniqueId('call'), from: freshPhone(), durationSec: 30, transcript: [] });
    const conversationId = (call.json as { conversationId: string }).conversationId;
    const { message } = await alex.request('message.send', { clientId: newClientId(), conversationId, body: 'Following up on your call.' });
    expect(message.channel).toBe('sms');
    await expect(alex.request('message.send', { clientId: newClientId(), conversationId: 'missing', body: 'x' })).rejects.toMatchObject({ code: 'notFound' });
    await expect(alex.request('message.send', { clientId: 'not-a-uuid', conversationId, body: 'x' })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/clientId/),
    });
  });
});

describe('conversation.markRead', () => {
  it('moves the marker forward only and emits conversation.read when it moves', async () => {
    const conversationId = await openConversation('read me');
    const start = await head(alex);
    expect(await alex.request('conversation.markRead', { clientId: newClientId(), conversationId, readSeq: start })).toEqual({ readSeq: start });
    expect(await alex.request('conversation.markRead', { clientId: newClientId(), conversationId, readSeq: start - 2 })).toEqual({ readSeq: start });
    const { events } = await pullAll(alex, start);
    // Carrier receipts for replies sent by earlier tests may land in between.
    const reads = events.filter((e) => e.type !== 'message.status');
    expect(reads).toEqual([{ seq: expect.any(Number), type: 'conversation.read', conversationId, agentId: alexId, readSeq: start }]);
  });
});

describe('retention', () => {
  it('raises the floor past old events so stale cursors get mustRefetch', async () => {
    const small = await startBackend({ seed: 'minimal', retainEvents: 10 });
    try {
      const agent = await connectAgent(small.url, (await small.login(DEMO_AGENTS[4].email)).token);
      try {
        for (let i = 0; i < 12; i++) {
          await small.webhook('sms', { externalId: uniqueId('sms'), from: freshPhone(), text: `retention ${i}` });
        }
        const stale = await agent.request('sync.pull', { after: 0 });
        expect(stale).toEqual({ mustRefetch: true, head: 36 });
        const recent = await agent.request('sync.pull', { after: 30 });
        if (recent.mustRefetch) throw new Error('a cursor inside retention must not refetch');
        expect(recent.events.map((e) => e.seq)).toEqual([31, 32, 33, 34, 35, 36]);
      } finally {
        agent.close();
      }
    } finally {
      await small.stop();
    }
  });
});
