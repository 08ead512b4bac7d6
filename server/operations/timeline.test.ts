// The timeline's server rules against a real backend process: notes never reach a carrier (the
// backend records every envelope its adapters receive), WhatsApp's window and templates, replies,
// edits, deletions, reactions, and attachment limits enforced on upload.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_HEADERS, HTTP } from '../../shared/protocol';
import { type AgentSocket, type Backend, connectAgent, startBackend } from '../../testing/backend';
import { temporaryDir } from '../../testing/lifecycle';
import { freshPhone, newClientId, uniqueId, waitFor } from '../test/helpers';

let backend: Backend;
let alex: AgentSocket;
let token: string;
let outboundLog: string;

beforeAll(async () => {
  outboundLog = path.join(temporaryDir('timeline-outbound'), 'outbound.jsonl');
  backend = await startBackend({ seed: 'minimal', carrierDelayScale: 0.02, outboundLog });
  token = (await backend.login()).token;
  alex = await connectAgent(backend.url, token);
});

afterAll(async () => {
  alex?.close();
  await backend?.stop();
});

async function openConversation(channel: 'whatsapp' | 'sms' | 'email' = 'whatsapp'): Promise<string> {
  const body =
    channel === 'email'
      ? { externalId: uniqueId('em'), from: `${uniqueId('c')}@example.com`, subject: 'Invoice', text: 'Hello' }
      : { externalId: uniqueId(channel), from: freshPhone(), text: 'Hello, a question.' };
  const answer = await backend.webhook(channel, body);
  expect(answer.status).toBe(200);
  return (answer.json as { conversationId: string }).conversationId;
}

async function envelopes(): Promise<{ channel: string; body: string; attachments: { name: string }[] }[]> {
  const text = await readFile(outboundLog, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { channel: string; body: string; attachments: { name: string }[] });
}

function streamUpload(conversationId: string, id: string, bytes: Buffer) {
  const url = new URL(HTTP.attachment(id), backend.url);
  url.searchParams.set('conversationId', conversationId);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 256 * 1024) controller.enqueue(bytes.subarray(at, at + 256 * 1024));
      controller.close();
    },
  });
  return fetch(url, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png', [ATTACHMENT_HEADERS.fileName]: 'big.png' },
    body,
    duplex: 'half',
  } as RequestInit);
}

function upload(conversationId: string, id: string, name: string, type: string, bytes: Buffer) {
  const url = new URL(HTTP.attachment(id), backend.url);
  url.searchParams.set('conversationId', conversationId);
  return fetch(url, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': type, [ATTACHMENT_HEADERS.fileName]: encodeURIComponent(name) },
    body: new Uint8Array(bytes),
  });
}

describe('notes', () => {
  it('never reach a channel adapter, on any channel, while replies do', async () => {
    const marker = uniqueId('note');
    for (const channel of ['whatsapp', 'sms', 'email'] as const) {
      const conversationId = await openConversation(channel);
      const { message: note } = await alex.request('message.send', { clientId: newClientId(), conversationId, kind: 'note', body: `${marker} on ${channel}` });
      expect(note).toMatchObject({ kind: 'note', status: null });
      await alex.request('message.send', { clientId: newClientId(), conversationId, body: `reply on ${channel} ${marker}` });
      // Edits and reactions on a note stay inside the desk too.
      await alex.request('message.edit', { clientId: newClientId(), messageId: note.id, body: `${marker} edited` });
      await alex.request('message.react', { clientId: newClientId(), messageId: note.id, emoji: '👍', on: true });
    }
    const sent = await envelopes();
    expect(sent.filter((e) => e.body.startsWith('reply on') && e.body.endsWith(marker))).toHaveLength(3);
    expect(sent.some((e) => e.body.includes(`${marker} on`) || e.body.includes(`${marker} edited`))).toBe(false);
  });
});

describe('edits and deletions at the customer', () => {
  type Change = { channel: string; action?: string; externalId?: string; body: string };
  const changes = async () => ((await envelopes()) as Change[]).filter((e) => e.action !== undefined);

  it('reach WhatsApp, which changes recent messages', async () => {
    const conversationId = await openConversation('whatsapp');
    const marker = uniqueId('wa-edit');
    const { message } = await alex.request('message.send', { clientId: newClientId(), conversationId, body: `Your parcel leaves today ${marker}` });
    const { message: edited } = await alex.request('message.edit', { clientId: newClientId(), messageId: message.id, body: `Your parcel leaves tomorrow ${marker}` });
    expect(edited.customerCopy).toBe('updated');
    const { message: deleted } = await alex.request('message.delete', { clientId: newClientId(), messageId: message.id });
    expect(deleted.customerCopy).toBe('updated');
    const edit = (await changes()).find((c) => c.body === `Your parcel leaves tomorrow ${marker}`);
    expect(edit).toMatchObject({ channel: 'whatsapp', action: 'edit', externalId: expect.stringMatching(/^whatsapp-/) });
    expect((await changes()).filter((c) => c.externalId === edit!.externalId)).toEqual([edit, expect.objectContaining({ action: 'delete', body: '' })]);
  });

  it('are recorded as not reaching an SMS, and never leave for a carrier that cannot change a sent message', async () => {
    const conversationId = await openConversation('sms');
    const marker = uniqueId('sms-edit');
    const { message } = await alex.request('message.send', { clientId: newClientId(), conversationId, body: `Call us back ${marker}` });
    const { message: edited } = await alex.request('message.edit', { clientId: newClientId(), messageId: message.id, body: `Call us tomorrow ${marker}` });
    expect(edited).toMatchObject({ body: `Call us tomorrow ${marker}`, customerCopy: 'unsupported' });
    const { message: deleted } = await alex.request('message.delete', { clientId: newClientId(), messageId: message.id });
    expect(deleted).toMatchObject({ body: '', customerCopy: 'unsupported' });
    const history = await backend.history(token, conversationId);
    expect(history.find((m) => m.id === message.id)).toMatchObject({ customerCopy: 'unsupported' });
    expect((await changes()).some((c) => c.channel === 'sms' || c.body.includes(marker))).toBe(false);
  });
});

describe('WhatsApp', () => {
  it('sends free text inside the window, refuses unapproved templates and renders approved ones', async () => {
    const conversationId = await openConversation('whatsapp');
    await expect(alex.request('message.send', { clientId: newClientId(), conversationId, body: 'Inside the window' })).resolves.toBeTruthy();
    await expect(
      alex.request('message.send', { clientId: newClientId(), conversationId, template: { id: 'made_up', params: [] } }),
    ).rejects.toMatchObject({ code: 'invalid' });
    const { message } = await alex.request('message.send', {
      clientId: newClientId(),
      conversationId,
      template: { id: 'order_update', params: ['Ana', '#1042'] },
    });
    expect(message.body).toBe('Hello Ana, there is an update on your order #1042. Reply to this message and we will tell you more.');
  });

  it('refuses templates on other channels', async () => {
    const conversationId = await openConversation('sms');
    await expect(
      alex.request('message.send', { clientId: newClientId(), conversationId, template: { id: 'order_update', params: ['Ana', '#1'] } }),
    ).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('replies, edits, deletions and reactions', () => {
  it('quotes, edits, reacts to and deletes messages with one message.updated event each', async () => {
    const conversationId = await openConversation('sms');
    const { message: first } = await alex.request('message.send', { clientId: newClientId(), conversationId, body: 'First **answer**' });
    const { message: reply } = await alex.request('message.send', { clientId: newClientId(), conversationId, body: 'Follow-up', replyToId: first.id });
    expect(reply.replyTo).toMatchObject({ messageId: first.id, direction: 'outbound', excerpt: 'First **answer**' });

    const editId = newClientId();
    const { message: edited } = await alex.request('message.edit', { clientId: editId, messageId: first.id, body: 'First answer, corrected' });
    expect(edited).toMatchObject({ body: 'First answer, corrected', revSeq: expect.any(Number) });
    expect(edited.editedAt).not.toBeNull();
    // A repeat answers with the first result.
    expect((await alex.request('message.edit', { clientId: editId, messageId: first.id, body: 'ignored' })).message).toEqual(edited);

    const { message: reacted } = await alex.request('message.react', { clientId: newClientId(), messageId: first.id, emoji: '🔥', on: true });
    expect(reacted.reactions).toEqual([{ emoji: '🔥', agentId: expect.any(String) }]);
    const { message: deleted } = await alex.request('message.delete', { clientId: newClientId(), messageId: first.id });
    expect(deleted).toMatchObject({ body: '', reactions: [], attachments: [] });
    expect(deleted.deletedAt).not.toBeNull();
    await expect(alex.request('message.edit', { clientId: newClientId(), messageId: first.id, body: 'again' })).rejects.toMatchObject({ code: 'conflict' });

    const updates = await waitFor(() => {
      const found = alex.events.filter((e) => e.type === 'message.updated' && e.message.id === first.id);
      return found.length >= 3 ? found : null;
    });
    expect(updates.map((e) => (e.type === 'message.updated' ? e.message.revSeq : 0))).toEqual(updates.map((e) => e.seq));
    const history = await backend.history(token, conversationId);
    expect(history.find((m) => m.id === first.id)).toMatchObject({ body: '', deletedAt: deleted.deletedAt });
  });

  it('lets only the author edit or delete', async () => {
    const conversationId = await openConversation('sms');
    const { message } = await alex.request('message.send', { clientId: newClientId(), conversationId, body: 'Mine' });
    const beaToken = (await backend.login('bea@acme.test')).token;
    const bea = await connectAgent(backend.url, beaToken);
    try {
      await expect(bea.request('message.edit', { clientId: newClientId(), messageId: message.id, body: 'Hers' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(bea.request('message.delete', { clientId: newClientId(), messageId: message.id })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(bea.request('message.react', { clientId: newClientId(), messageId: message.id, emoji: '😂', on: true })).resolves.toBeTruthy();
    } finally {
      bea.close();
    }
  });
});

describe('attachments', () => {
  it('refuses an oversize or unsupported file before storing it, and sends an accepted one once', async () => {
    const conversationId = await openConversation('email');
    const big = await upload(conversationId, newClientId(), 'scan.png', 'image/png', Buffer.alloc(5 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/scan\.png is 5\.0 MB; the limit for this type is 5\.0 MB/);
    // Without a declared length the limit is enforced while streaming; nothing is stored.
    const streamedId = newClientId();
    const streamed = await streamUpload(conversationId, streamedId, Buffer.alloc(5 * 1024 * 1024 + 10)).catch(() => null);
    expect(streamed === null || streamed.status === 400).toBe(true);
    expect((await fetch(new URL(HTTP.attachment(streamedId), backend.url), { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
    expect((await upload(conversationId, newClientId(), 'x.exe', 'application/x-msdownload', Buffer.from('MZ'))).status).toBe(415);
    expect((await upload(conversationId, newClientId(), 'clip.mp4', 'video/mp4', Buffer.from('mp4'))).status).toBe(422);

    const id = newClientId();
    const ok = await upload(conversationId, id, 'invoice.pdf', 'application/pdf', Buffer.from('%PDF-1.4 tiny'));
    expect(ok.status).toBe(200);
    // Idempotent by id.
    expect((await upload(conversationId, id, 'invoice.pdf', 'application/pdf', Buffer.from('%PDF-1.4 tiny'))).status).toBe(200);
    const { message } = await alex.request('message.send', { clientId: newClientId(), conversationId, attachmentIds: [id] });
    expect(message.attachments).toEqual([{ id, name: 'invoice.pdf', mimeType: 'application/pdf', size: 13, kind: 'document' }]);
    await expect(alex.request('message.send', { clientId: newClientId(), conversationId, attachmentIds: [id] })).rejects.toMatchObject({ code: 'conflict' });

    const download = await fetch(new URL(HTTP.attachment(id), backend.url), { headers: { authorization: `Bearer ${token}` } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('%PDF-1.4 tiny');
    expect((await fetch(new URL(HTTP.attachment(id), backend.url))).status).toBe(401);
    expect((await envelopes()).some((e) => e.attachments.some((a) => a.name === 'invoice.pdf'))).toBe(true);
  });
});
