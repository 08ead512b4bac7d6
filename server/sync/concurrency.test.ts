// Against real server processes sharing one SQLite file: seqs stay gap-free and in commit order
// under concurrent webhooks, sends, carrier receipts and a second writer process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS } from '../../shared/demo';
import type { ChangeEvent } from '../../shared/protocol';
import { type AgentSocket, type Backend, connectAgent, startBackend } from '../../testing/backend';
import { freshPhone, newClientId, pullAll, uniqueId } from '../test/helpers';

let a: Backend;
let b: Backend;
const sockets: AgentSocket[] = [];

beforeAll(async () => {
  a = await startBackend({ seed: 'minimal', carrierDelayScale: 0.005 });
  // Same database file, second process: it must allocate seqs without gaps or SQLITE_BUSY.
  b = await startBackend({ seed: 'none', dataDir: a.dataDir, carrierDelayScale: 0.005 });
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

async function agentOn(backend: Backend, email: string): Promise<AgentSocket> {
  const { token } = await backend.login(email);
  const socket = await connectAgent(backend.url, token);
  sockets.push(socket);
  return socket;
}

function webhookOk(backend: Backend, phone: string, text: string) {
  return backend.webhook('whatsapp', { externalId: uniqueId('wa'), from: phone, text }).then((r) => {
    expect(r.status).toBe(200);
    return r.json as { conversationId: string; messageId: string; duplicate: boolean };
  });
}

describe('seq allocation', () => {
  it('is gap-free and ordered across concurrent writers in two processes', async () => {
    const [s1, s2, s3] = await Promise.all([
      agentOn(a, DEMO_AGENTS[0].email),
      agentOn(a, DEMO_AGENTS[1].email),
      agentOn(b, DEMO_AGENTS[2].email),
    ]);
    const phones = Array.from({ length: 8 }, freshPhone);
    const opened = await Promise.all(phones.map((p) => webhookOk(a, p, 'Hello, I need help with my order.')));
    const conversationIds = opened.map((o) => o.conversationId);

    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      const phone = i % 3 === 0 ? freshPhone() : phones[i % phones.length]!;
      writes.push(webhookOk(i % 2 === 0 ? a : b, phone, `Message ${i}`));
    }
    for (let i = 0; i < 30; i++) {
      const socket = [s1, s2, s3][i % 3]!;
      writes.push(
        socket.request('message.send', {
          clientId: newClientId(),
          conversationId: conversationIds[i % conversationIds.length]!,
          kind: i % 5 === 0 ? 'note' : 'text',
          body: `Reply ${i}`,
        }),
      );
    }
    await Promise.all(writes);
    // Let the carriers' receipts (also writes) land.
    await new Promise((r) => setTimeout(r, 300));

    const { events, head } = await pullAll(s1, 0, 37);
    const seqs = events.map((e) => e.seq);
    expect(head).toBeGreaterThanOrEqual(8 * 3 + 40 * 2 + 30 * 2);
    expect(seqs).toEqual(Array.from({ length: head }, (_, i) => i + 1));

    const created = events.filter((e): e is Extract<ChangeEvent, { type: 'message.created' }> => e.type === 'message.created');
    expect(created).toHaveLength(8 + 40 + 30);
    const bySeq = new Map(events.map((e) => [e.seq, e]));
    for (const event of created) {
      // The conversation change written by the same transaction comes right after its message.
      const next = bySeq.get(event.seq + 1);
      expect(next?.type).toBe('conversation.upserted');
      if (next?.type === 'conversation.upserted') {
        expect(next.conversation.id).toBe(event.message.conversationId);
        expect(next.conversation.lastMessageAt).toBeGreaterThanOrEqual(event.message.createdAt);
      }
      expect(event.message.seq).toBe(event.seq);
    }
    // Status changes only ever refer to messages created earlier in the log.
    const createdAt = new Map(created.map((e) => [e.message.id, e.seq]));
    for (const event of events) {
      if (event.type === 'message.status') expect(createdAt.get(event.messageId)).toBeLessThan(event.seq);
    }
  });

  it('stores a repeated message.send once and answers every repeat with the first result', async () => {
    const s1 = await agentOn(a, DEMO_AGENTS[3].email);
    const s2 = await agentOn(b, DEMO_AGENTS[3].email);
    const { conversationId } = await webhookOk(a, freshPhone(), 'Where is my refund?');
    const request = { clientId: newClientId(), conversationId, kind: 'text' as const, body: 'Checking your refund now.' };

    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => s1.request('message.send', request)),
      ...Array.from({ length: 5 }, () => s2.request('message.send', request)),
    ]);
    const again = await s1.request('message.send', request);

    const first = answers[0]!.message;
    for (const answer of [...answers, again]) expect(answer.message).toEqual(first);
    expect(first.status).toBe('sent');
    const stored = (await a.history((await a.login(DEMO_AGENTS[3].email)).token, conversationId)).filter(
      (m) => m.clientId === request.clientId,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe(first.id);

    // The same client id reused for another operation is a conflict, not a silent success.
    await expect(s1.request('conversation.markRead', { clientId: request.clientId, conversationId, readSeq: 1 })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
