// Webhooks, login and tenant isolation against a real server process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../../shared/demo';
import { HTTP } from '../../shared/protocol';
import { type AgentSocket, type Backend, connectAgent, startBackend } from '../../testing/backend';
import { openDatabase } from '../db/open';
import { createTenant } from '../seed/tenant';
import { freshPhone, head, newClientId, pullAll, uniqueId } from '../test/helpers';

let backend: Backend;
let alex: AgentSocket;

beforeAll(async () => {
  backend = await startBackend({ seed: 'minimal' });
  alex = await connectAgent(backend.url, (await backend.login()).token);
});

afterAll(async () => {
  alex?.close();
  await backend?.stop();
});

describe('inbound webhooks', () => {
  it('stores a customer message as message.created then conversation.upserted, with a new contact first', async () => {
    const before = await head(alex);
    const phone = freshPhone();
    const first = await backend.webhook('whatsapp', { externalId: uniqueId('wa'), from: phone, profileName: 'Ines Duarte', text: 'Hi, my parcel is late.' });
    expect(first.status).toBe(200);
    const { conversationId, duplicate } = first.json as { conversationId: string; duplicate: boolean };
    expect(duplicate).toBe(false);

    const { events } = await pullAll(alex, before);
    expect(events.map((e) => e.type)).toEqual(['contact.upserted', 'message.created', 'conversation.upserted']);
    const [contact, message, conversation] = events;
    if (contact?.type !== 'contact.upserted' || message?.type !== 'message.created' || conversation?.type !== 'conversation.upserted') throw new Error('unexpected events');
    expect(contact.contact).toMatchObject({ name: 'Ines Duarte', phone, seq: before + 1 });
    expect(message.message).toMatchObject({ direction: 'inbound', kind: 'text', channel: 'whatsapp', body: 'Hi, my parcel is late.', status: null, seq: before + 2 });
    expect(conversation.conversation).toMatchObject({
      id: conversationId,
      contactId: contact.contact.id,
      status: 'queued',
      assigneeId: null,
      lastMessagePreview: 'Hi, my parcel is late.',
      lastMessageDirection: 'inbound',
      lastMessageAt: message.message.createdAt,
      seq: before + 3,
    });

    // The same customer writes again (phone formatted differently): same contact, same conversation.
    const again = await backend.webhook('sms', { externalId: uniqueId('sms'), from: phone.replace(/ /g, ''), text: 'Any news?' });
    expect((again.json as { conversationId: string }).conversationId).toBe(conversationId);
    const next = await pullAll(alex, before + 3);
    expect(next.events.map((e) => e.type)).toEqual(['message.created', 'conversation.upserted']);
  });

  it('answers a malformed body with 400 naming the field, and stores nothing', async () => {
    const before = await head(alex);
    const bad = await backend.webhook('whatsapp', { externalId: uniqueId('wa'), from: 'not a phone', text: 'hello' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { code: 'invalid' } });
    expect((bad.json as { error: { message: string } }).error.message).toMatch(/\bfrom\b/);

    const missing = await backend.webhook('email', { externalId: uniqueId('em'), from: 'a@example.com' });
    expect(missing.status).toBe(400);
    expect((missing.json as { error: { message: string } }).error.message).toMatch(/\btext\b/);

    const notJson = await fetch(`${backend.url}${HTTP.webhook(backend.tenant, 'sms')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-webhook-secret': backend.webhookSecret },
      body: '{"externalId":',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'invalid' } });
    expect(await head(alex)).toBe(before);
  });

  it('rejects a wrong secret with 401 and unknown tenants or channels with 404', async () => {
    const body = { externalId: uniqueId('sms'), from: freshPhone(), text: 'hi' };
    const before = await head(alex);
    expect((await backend.webhook('sms', body, { secret: 'wrong' })).status).toBe(401);
    expect((await backend.webhook('sms', body, { tenant: 'no-such-tenant' })).status).toBe(404);
    const unknownChannel = await backend.webhook('telegram', body);
    expect(unknownChannel.status).toBe(404);
    expect(unknownChannel.json).toMatchObject({ error: { code: 'notFound' } });
    expect(await head(alex)).toBe(before);
  });

  it('stores a carrier retry with the same externalId once', async () => {
    const body = { externalId: uniqueId('ms'), psid: uniqueId('psid'), name: 'Tariq Aziz', text: 'Is the store open on Sunday?' };
    const before = await head(alex);
    const answers = await Promise.all([backend.webhook('messenger', body), backend.webhook('messenger', body), backend.webhook('messenger', body)]);
    const ids = answers.map((r) => (r.json as { messageId: string }).messageId);
    expect(new Set(ids).size).toBe(1);
    expect(answers.map((r) => (r.json as { duplicate: boolean }).duplicate).sort()).toEqual([false, true, true]);
    const { events } = await pullAll(alex, before);
    expect(events.filter((e) => e.type === 'message.created')).toHaveLength(1);
  });

  it('records a voice call with its transcript and a summary line', async () => {
    const transcript = [
      { speaker: 'agent', atSec: 0, text: 'Acme Support, how can I help?' },
      { speaker: 'customer', atSec: 4, text: 'My card was charged twice.' },
    ];
    const answer = await backend.webhook('voice', { externalId: uniqueId('call'), from: freshPhone(), durationSec: 245, transcript });
    expect(answer.status).toBe(200);
    const { conversationId } = answer.json as { conversationId: string };
    const [call] = await backend.history((await backend.login()).token, conversationId);
    expect(call).toMatchObject({ kind: 'call', channel: 'voice', direction: 'inbound', body: 'Call, 4 min', call: { durationSec: 245, transcript } });
  });
});

describe('authentication', () => {
  it('answers a wrong password with 401 badCredentials', async () => {
    const response = await fetch(`${backend.url}${HTTP.login}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_AGENTS[0].email, password: 'wrong-password' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'badCredentials', message: 'Wrong email or password.' } });
    const unknown = await fetch(`${backend.url}${HTTP.login}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@acme.test', password: DEMO_PASSWORD }),
    });
    expect(unknown.status).toBe(401);
  });

  it('returns a token, the agent and the tenant for the right password', async () => {
    const login = await backend.login(DEMO_AGENTS[1].email.toUpperCase());
    expect(login.agent).toMatchObject({ name: DEMO_AGENTS[1].name, email: DEMO_AGENTS[1].email });
    expect(login.tenant.slug).toBe(backend.tenant);
    expect(login.token.length).toBeGreaterThan(20);
  });

  it('refuses a socket with a bad or missing token', async () => {
    await expect(connectAgent(backend.url, 'not-a-token')).rejects.toThrow('unauthorized');
    await expect(connectAgent(backend.url, '')).rejects.toThrow('unauthorized');
  });

  it('validates socket requests with a message naming the field', async () => {
    await expect(alex.request('sync.pull', { after: -1 })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/after/) });
  });
});

describe('tenant isolation', () => {
  it("keeps another tenant's agent out of the demo tenant's data", async () => {
    const database = openDatabase({ dataDir: backend.dataDir, databaseUrl: null });
    try {
      await createTenant(
        database,
        { slug: 'globex', name: 'Globex', webhookSecret: 'globex-secret', agents: [{ name: 'Gil Bates', email: 'gil@globex.test', password: 'globex-pass' }], queues: ['Front desk'] },
        { now: Date.now(), newId: () => newClientId() },
      );
    } finally {
      await database.close();
    }
    const demo = await backend.webhook('sms', { externalId: uniqueId('sms'), from: freshPhone(), text: 'For Acme only' });
    const demoConversation = (demo.json as { conversationId: string }).conversationId;

    const gil = await connectAgent(backend.url, (await backend.login('gil@globex.test', 'globex-pass')).token);
    try {
      const pulled = await gil.request('sync.pull', { after: 0 });
      expect(pulled).toEqual({ mustRefetch: false, events: [], head: 0, hasMore: false });
      const snapshot = await gil.request('sync.snapshot', {});
      expect(snapshot.conversations).toEqual([]);
      expect(snapshot.agents.map((x) => x.email)).toEqual(['gil@globex.test']);
      await expect(
        gil.request('message.send', { clientId: newClientId(), conversationId: demoConversation, body: 'sneaky' }),
      ).rejects.toMatchObject({ code: 'notFound' });
      await expect(gil.request('history.page', { conversationId: demoConversation, beforeSeq: 1_000_000 })).rejects.toMatchObject({ code: 'notFound' });
      expect((await gil.request('search.messages', { query: 'Acme' })).hits).toEqual([]);
      await expect(
        gil.request('conversation.markRead', { clientId: newClientId(), conversationId: demoConversation, readSeq: 5 }),
      ).rejects.toMatchObject({ code: 'notFound' });

      // Live pushes stay in their tenant's room.
      const pushedBefore = gil.events.length;
      await backend.webhook('sms', { externalId: uniqueId('sms'), from: freshPhone(), text: 'Still Acme' });
      await new Promise((r) => setTimeout(r, 200));
      expect(gil.events.length).toBe(pushedBefore);
      const globexHook = await backend.webhook('sms', { externalId: uniqueId('sms'), from: freshPhone(), text: 'Hi Globex' }, { tenant: 'globex', secret: 'globex-secret' });
      expect(globexHook.status).toBe(200);
      expect((await backend.webhook('sms', { externalId: uniqueId('sms'), from: freshPhone(), text: 'x' }, { tenant: 'globex' })).status).toBe(401);
      const globexEvents = await pullAll(gil, 0);
      expect(globexEvents.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    } finally {
      gil.close();
    }
  });
});
