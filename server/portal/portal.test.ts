// The customer portal against a real server process: sign-in, access control, writing, receipts,
// the live event stream and the page's security headers.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../shared/domain';
import { PORTAL_CHANGED_EVENT, PORTAL_TYPING_EVENT, type PortalConversation, type PortalThread } from '../../shared/portal';
import { type Activity, ATTACHMENT_HEADERS, HTTP } from '../../shared/protocol';
import { type AgentSocket, type Backend, connectAgent, startBackend } from '../../testing/backend';
import { temporaryDir } from '../../testing/lifecycle';
import { type PortalCustomer, signInToPortal } from '../../testing/portal';
import { newClientId, waitFor } from '../test/helpers';

let backend: Backend;
let alex: AgentSocket;
let ann: PortalCustomer;
let ben: PortalCustomer;
let everyConversation: Conversation[];

type List = { conversations: PortalConversation[] };
type Sent = { conversationId: string; message: PortalThread['messages'][number] };

beforeAll(async () => {
  const portalDir = temporaryDir('portal-pages');
  writeFileSync(path.join(portalDir, 'index.html'), '<!doctype html><title>Portal</title>');
  backend = await startBackend({ seed: 'demo', portalLinks: 2, portalDir });
  alex = await connectAgent(backend.url, (await backend.login()).token);
  [ann, ben] = await Promise.all(backend.portalLinks.map((link) => signInToPortal(link.url))) as [PortalCustomer, PortalCustomer];
  const snapshot = await alex.request('sync.snapshot', { limit: 2_000, windowDays: 3_650, messagesPerConversation: 0 });
  everyConversation = snapshot.conversations;
});

afterAll(async () => {
  alex?.close();
  await backend?.stop();
});

const contactOf = (conversationId: string) => everyConversation.find((c) => c.id === conversationId)?.contactId;
const listOf = async (customer: PortalCustomer) => (await customer.get<List>('conversations')).json.conversations;

describe('portal sign-in', () => {
  it('exchanges a valid link for an httpOnly, SameSite=Strict session cookie', async () => {
    const response = await fetch(backend.portalLinks[0]!.url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/portal/acme/');
    expect(response.headers.get('set-cookie')).toMatch(/^portal_session=[\w-]+; Path=\/portal\/acme\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
  });

  it('sends a forged or broken link back to the page with the reason, without a cookie', async () => {
    const link = new URL(backend.portalLinks[0]!.url);
    const [claims] = (link.searchParams.get('token') ?? '').split('.');
    for (const token of [`${claims}.AAAA`, 'nonsense', '']) {
      link.searchParams.set('token', token);
      const response = await fetch(link, { redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/portal/acme/?signIn=invalid');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });
});

describe('portal access control', () => {
  it('lists exactly the customer’s own conversations, most recent first', async () => {
    const list = await listOf(ann);
    expect(list.length).toBeGreaterThan(0);
    const owner = contactOf(list[0]!.id);
    expect(new Set(list.map((c) => contactOf(c.id)))).toEqual(new Set([owner]));
    expect(list.map((c) => c.id).sort()).toEqual(everyConversation.filter((c) => c.contactId === owner).map((c) => c.id).sort());
    const times = list.map((c) => c.lastMessage?.createdAt ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('answers another customer’s conversation as not found, for reading, writing and marking read', async () => {
    const annOwner = contactOf((await listOf(ann))[0]!.id);
    const others = everyConversation.filter((c) => c.contactId !== annOwner).map((c) => c.id);
    const bens = (await listOf(ben)).map((c) => c.id);
    for (const id of [bens[0]!, others[0]!, 'no-such-id']) {
      const read = await ann.get(`conversations/${id}`);
      expect(read).toEqual({ status: 404, json: { error: { code: 'notFound', message: `Conversation ${id} not found.` } } });
      const write = await ann.post(`conversations/${id}/messages`, { clientId: newClientId(), text: 'Let me in' });
      expect(write.status).toBe(404);
      expect((await ann.post(`conversations/${id}/read`, { upToSeq: 1e9 })).status).toBe(404);
    }
    const history = await backend.history((await backend.login()).token, bens[0]!);
    expect(history.some((m) => m.body === 'Let me in')).toBe(false);
  });

  it('refuses requests without a valid session and at an unknown portal', async () => {
    const api = new URL('/portal/acme/api/conversations', backend.url);
    expect((await fetch(api)).status).toBe(401);
    expect((await fetch(api, { headers: { cookie: 'portal_session=forged' } })).status).toBe(401);
    expect((await fetch(new URL('/portal/nobody/api/conversations', backend.url), { headers: { cookie: ann.cookie } })).status).toBe(404);
    expect((await fetch(new URL('/portal/acme/api/events', backend.url))).status).toBe(401);
  });

  it('never shows internal notes or the desk’s system lines', async () => {
    const [first] = await listOf(ann);
    await alex.request('message.send', { clientId: newClientId(), conversationId: first!.id, kind: 'note', body: 'Internal: customer is difficult' });
    const thread = (await ann.get<PortalThread>(`conversations/${first!.id}`)).json;
    const all = await backend.history((await backend.login()).token, first!.id);
    const visible = all.filter((m) => m.kind !== 'note' && m.direction !== 'system');
    expect(thread.messages.map((m) => m.id)).toEqual(visible.slice(-500).map((m) => m.id));
    expect(JSON.stringify(thread)).not.toContain('Internal: customer is difficult');
  });
});

describe('writing from the portal', () => {
  it('goes through the inbound path once per clientId, and agents see it live', async () => {
    const [first] = await listOf(ann);
    const clientId = newClientId();
    const text = `Is my car ready? ${clientId}`;
    const sent = await ann.post<Sent>(`conversations/${first!.id}/messages`, { clientId, text });
    expect(sent.status).toBe(200);
    const again = await ann.post<Sent>(`conversations/${first!.id}/messages`, { clientId, text });
    expect(again.json.message.id).toBe(sent.json.message.id);
    expect(sent.json.message).toMatchObject({ from: 'customer', channel: 'portal', body: text, status: expect.any(String) });

    const created = await waitFor(() =>
      alex.events.find((e) => e.type === 'message.created' && e.message.id === sent.json.message.id),
    );
    expect(created).toMatchObject({ message: { direction: 'inbound', channel: 'portal', body: text } });
    const copies = (await backend.history((await backend.login()).token, sent.json.conversationId)).filter((m) => m.body === text);
    expect(copies).toHaveLength(1);
  });

  it('starts a new conversation, and rejects an empty or oversized message naming the field', async () => {
    const started = await ben.post<Sent>('conversations', { clientId: newClientId(), text: 'Hello, I need a quote.' });
    expect(started.status).toBe(200);
    expect((await listOf(ben)).map((c) => c.id)).toContain(started.json.conversationId);
    const empty = await ben.post('conversations', { clientId: newClientId(), text: '   ' });
    expect(empty).toMatchObject({ status: 400, json: { error: { code: 'invalid', message: expect.stringContaining('text') } } });
    const long = await ben.post('conversations', { clientId: newClientId(), text: 'x'.repeat(5_001) });
    expect(long.status).toBe(400);
  });

  it('refuses a write from another origin', async () => {
    const [first] = await listOf(ann);
    const answer = await ann.post(`conversations/${first!.id}/messages`, { clientId: newClientId(), text: 'hi' }, { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
  });

  it('marks staff replies delivered when shown and read when the customer reads them', async () => {
    const started = await ann.post<Sent>('conversations', { clientId: newClientId(), text: 'Can you call me back?' });
    const conversationId = started.json.conversationId;
    const { message } = await alex.request('message.send', { clientId: newClientId(), conversationId, kind: 'text', body: 'Sure, at 3 pm.' });
    expect(message.status).toBe('sent');

    const statusOf = () => alex.events.filter((e) => e.type === 'message.status' && e.messageId === message.id).map((e) => (e.type === 'message.status' ? e.status : null));
    const thread = (await ann.get<PortalThread>(`conversations/${conversationId}`)).json;
    expect(thread.conversation.unreadCount).toBe(1);
    const reply = thread.messages.find((m) => m.id === message.id);
    expect(reply).toMatchObject({ from: 'staff', staffName: 'Alex Morgan', status: null, body: 'Sure, at 3 pm.' });
    await waitFor(() => statusOf().includes('delivered'));

    expect((await ann.post(`conversations/${conversationId}/read`, { upToSeq: reply!.seq })).status).toBe(200);
    await waitFor(() => statusOf().includes('read'));
    expect(statusOf()).toEqual(['delivered', 'read']);
    expect((await ann.get<PortalThread>(`conversations/${conversationId}`)).json.conversation.unreadCount).toBe(0);

    // The agent reads the customer's message: the customer sees it read.
    await alex.request('conversation.markRead', { clientId: newClientId(), conversationId, readSeq: reply!.seq });
    const mine = (await ann.get<PortalThread>(`conversations/${conversationId}`)).json.messages.find((m) => m.id === started.json.message.id);
    expect(mine?.status).toBe('read');
  });
});

describe('portal live events', () => {
  it('streams changes of the customer’s own conversations and nothing about anyone else’s', async () => {
    const stream = await ann.events();
    try {
      await waitFor(() => stream.events.some((e) => e.event === 'ready'));
      const [mine] = await listOf(ann);
      const [bens] = await listOf(ben);
      await alex.request('message.send', { clientId: newClientId(), conversationId: bens!.id, kind: 'text', body: 'For Ben only' });
      await alex.request('message.send', { clientId: newClientId(), conversationId: mine!.id, kind: 'note', body: 'A note' });
      await alex.request('message.send', { clientId: newClientId(), conversationId: mine!.id, kind: 'text', body: 'For Ann' });
      const changed = await waitFor(() => stream.events.find((e) => e.event === PORTAL_CHANGED_EVENT));
      expect(changed.data).toEqual({ conversationIds: [mine!.id] });
      // Nothing else arrives for Ben's reply or the note.
      await new Promise((r) => setTimeout(r, 300));
      const all = stream.events.filter((e) => e.event === PORTAL_CHANGED_EVENT).flatMap((e) => (e.data as { conversationIds: string[] }).conversationIds);
      expect(new Set(all)).toEqual(new Set([mine!.id]));
    } finally {
      stream.close();
    }
  });
});

describe('typing and presence on the portal', () => {
  it('tells the customer an agent is typing, and the agents that the customer is online and typing', async () => {
    const activity: Activity[] = [];
    alex.socket.on('activity', (event: Activity) => activity.push(event));
    const started = await ann.post<Sent>('conversations', { clientId: newClientId(), text: 'Are you there?' });
    const conversationId = started.json.conversationId;
    const stream = await ann.events();
    const bens = await ben.events();
    try {
      await waitFor(() => stream.events.some((e) => e.event === 'ready') && bens.events.some((e) => e.event === 'ready'));
      await waitFor(() => activity.find((a) => a.type === 'presences' && a.changes.some((c) => c.online)));

      await alex.request('activity.typing', { conversationId, typing: true });
      const typing = await waitFor(() => stream.events.find((e) => e.event === PORTAL_TYPING_EVENT));
      expect(typing.data).toEqual({ conversationId, typing: true, staffName: 'Alex Morgan' });
      await alex.request('activity.typing', { conversationId, typing: false });
      await waitFor(() => stream.events.find((e) => e.event === PORTAL_TYPING_EVENT && (e.data as { typing: boolean }).typing === false));
      expect(bens.events.some((e) => e.event === PORTAL_TYPING_EVENT)).toBe(false);

      expect((await ann.post(`conversations/${conversationId}/typing`, { typing: true })).status).toBe(200);
      await waitFor(() => activity.find((a) => a.type === 'typing' && a.conversationId === conversationId && a.agentId === null && a.typing));
      const bensOwn = (await listOf(ben))[0]!.id;
      expect((await ann.post(`conversations/${bensOwn}/typing`, { typing: true })).status).toBe(404);
    } finally {
      stream.close();
      bens.close();
      alex.socket.off('activity');
    }
  });
});

describe('edits and deletions of staff replies', () => {
  it('reach the customer: announced live, the edit marked, the deletion shown as deleted', async () => {
    const started = await ben.post<Sent>('conversations', { clientId: newClientId(), text: 'When do you open?' });
    const conversationId = started.json.conversationId;
    const { message } = await alex.request('message.send', { clientId: newClientId(), conversationId, body: 'At 8 am.' });
    const stream = await ben.events();
    try {
      await waitFor(() => stream.events.some((e) => e.event === 'ready'));
      const { message: edited } = await alex.request('message.edit', { clientId: newClientId(), messageId: message.id, body: 'At 9 am.' });
      expect(edited.customerCopy).toBe('updated');
      await waitFor(() => stream.events.find((e) => e.event === PORTAL_CHANGED_EVENT));
      const shown = () => ben.get<PortalThread>(`conversations/${conversationId}`).then((r) => r.json.messages.find((m) => m.id === message.id));
      expect(await shown()).toMatchObject({ body: 'At 9 am.', edited: true, deleted: false });

      const announced = stream.events.length;
      await alex.request('message.delete', { clientId: newClientId(), messageId: message.id });
      await waitFor(() => stream.events.slice(announced).find((e) => e.event === PORTAL_CHANGED_EVENT));
      expect(await shown()).toMatchObject({ body: '', edited: false, deleted: true });
    } finally {
      stream.close();
    }
  });
});

describe('files on the portal', () => {
  const fileUrl = (id: string) => new URL(`/portal/acme/api/attachments/${id}`, backend.url);
  const put = (customer: PortalCustomer, id: string, name: string, type: string, bytes: Uint8Array) =>
    fetch(fileUrl(id), { method: 'PUT', headers: { cookie: customer.cookie, 'content-type': type, [ATTACHMENT_HEADERS.fileName]: encodeURIComponent(name) }, body: new Uint8Array(bytes) });
  const get = (customer: PortalCustomer, id: string) => fetch(fileUrl(id), { headers: { cookie: customer.cookie } });

  it('takes a customer’s photos and PDFs within the limits, sends each once, and keeps them from other customers', async () => {
    const video = await put(ann, randomUUID(), 'clip.mp4', 'video/mp4', new Uint8Array(10));
    expect(video.status).toBe(422);
    const big = await put(ann, randomUUID(), 'scan.png', 'image/png', new Uint8Array(5 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'invalid', message: expect.stringContaining('limit') } });

    const id = randomUUID();
    const bytes = new TextEncoder().encode('%PDF-1.4 invoice');
    expect((await put(ann, id, 'invoice.pdf', 'application/pdf', bytes)).status).toBe(200);
    // Not Ben's to fetch or send.
    expect((await get(ben, id)).status).toBe(404);
    expect((await ben.post('conversations', { clientId: newClientId(), text: '', attachmentIds: [id] })).status).toBe(404);

    const [first] = await listOf(ann);
    const clientId = newClientId();
    const sent = await ann.post<Sent>(`conversations/${first!.id}/messages`, { clientId, text: '', attachmentIds: [id] });
    expect(sent.status).toBe(200);
    expect(sent.json.message.attachments).toEqual([{ id, name: 'invoice.pdf', mimeType: 'application/pdf', size: bytes.length, kind: 'document' }]);
    const again = await ann.post<Sent>(`conversations/${first!.id}/messages`, { clientId, text: '', attachmentIds: [id] });
    expect(again.json.message.id).toBe(sent.json.message.id);
    expect((await ann.post(`conversations/${first!.id}/messages`, { clientId: newClientId(), text: 'again', attachmentIds: [id] })).status).toBe(409);

    const token = (await backend.login()).token;
    const stored = (await backend.history(token, first!.id)).find((m) => m.id === sent.json.message.id);
    expect(stored).toMatchObject({ direction: 'inbound', channel: 'portal', attachments: [expect.objectContaining({ id })] });
    const agentCopy = await fetch(new URL(HTTP.attachment(id), backend.url), { headers: { authorization: `Bearer ${token}` } });
    expect(new Uint8Array(await agentCopy.arrayBuffer())).toEqual(bytes);
    const annCopy = await get(ann, id);
    expect(annCopy.status).toBe(200);
    expect(new Uint8Array(await annCopy.arrayBuffer())).toEqual(bytes);
    expect((await get(ben, id)).status).toBe(404);
  });

  it('shows the team’s files only to the conversation’s customer, and not once the message is deleted', async () => {
    const started = await ann.post<Sent>('conversations', { clientId: newClientId(), text: 'Can you send the quote?' });
    const first = { id: started.json.conversationId };
    const token = (await backend.login()).token;
    const id = newClientId();
    const upload = new URL(HTTP.attachment(id), backend.url);
    upload.searchParams.set('conversationId', first!.id);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const uploaded = await fetch(upload, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png', [ATTACHMENT_HEADERS.fileName]: 'quote.png' }, body: png });
    expect(uploaded.status).toBe(200);
    const { message } = await alex.request('message.send', { clientId: newClientId(), conversationId: first!.id, body: 'Your quote', attachmentIds: [id] });
    const shown = (await ann.get<PortalThread>(`conversations/${first!.id}`)).json.messages.find((m) => m.id === message.id);
    expect(shown?.attachments).toEqual([expect.objectContaining({ id, name: 'quote.png', kind: 'image' })]);
    expect((await get(ann, id)).status).toBe(200);
    expect((await get(ben, id)).status).toBe(404);

    await alex.request('message.delete', { clientId: newClientId(), messageId: message.id });
    expect((await ann.get<PortalThread>(`conversations/${first!.id}`)).json.messages.find((m) => m.id === message.id)?.attachments).toEqual([]);
    expect((await get(ann, id)).status).toBe(404);
  });
});

describe('portal pages', () => {
  it('serve the page with a strict content security policy', async () => {
    const response = await fetch(new URL('/portal/acme/conversations/anything', backend.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect((await fetch(new URL('/portal/assets/..%2Fsecret.js', backend.url))).status).toBe(404);
  });
});
