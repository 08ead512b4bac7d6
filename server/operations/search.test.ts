// search.messages against a real backend process: accents, CJK, filters, hostile input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentSocket, type Backend, connectAgent, startBackend } from '../../testing/backend';
import { freshPhone, uniqueId } from '../test/helpers';

let backend: Backend;
let alex: AgentSocket;
const word = `zephyr${Date.now() % 100000}`;

async function customerWrites(channel: 'sms' | 'whatsapp', text: string): Promise<string> {
  const answer = await backend.webhook(channel, { externalId: uniqueId(channel), from: freshPhone(), text });
  expect(answer.status).toBe(200);
  return (answer.json as { conversationId: string }).conversationId;
}

beforeAll(async () => {
  backend = await startBackend({ seed: 'minimal' });
  alex = await connectAgent(backend.url, (await backend.login()).token);
  await customerWrites('sms', `My résumé mentions ${word} twice`);
  await customerWrites('whatsapp', `明日東京駅で受け取ります ${word}`);
});

afterAll(async () => {
  alex?.close();
  await backend?.stop();
});

describe('search.messages', () => {
  it('finds words by prefix regardless of accents, with conversation and contact', async () => {
    const { hits } = await alex.request('search.messages', { query: `resume ${word.slice(0, 5)}` });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message.body).toContain('résumé');
    expect(hits[0]!.conversation.id).toBe(hits[0]!.message.conversationId);
    expect(hits[0]!.contact?.id).toBe(hits[0]!.conversation.contactId);
  });

  it('finds CJK substrings, short ones too', async () => {
    expect((await alex.request('search.messages', { query: '東京駅' })).hits).toHaveLength(1);
    expect((await alex.request('search.messages', { query: '東京' })).hits).toHaveLength(1);
    expect((await alex.request('search.messages', { query: '大阪' })).hits).toHaveLength(0);
  });

  it('finds a Latin word written against CJK text', async () => {
    const glued = `kiwi${Date.now() % 100000}`;
    await customerWrites('whatsapp', `新しい${glued}ケース`);
    const { hits } = await alex.request('search.messages', { query: glued });
    expect(hits.map((h) => h.message.body)).toEqual([`新しい${glued}ケース`]);
  });

  it('applies filters', async () => {
    const query = word;
    expect((await alex.request('search.messages', { query })).hits).toHaveLength(2);
    const onWhatsapp = await alex.request('search.messages', { query, filters: { channel: 'whatsapp' } });
    expect(onWhatsapp.hits.map((h) => h.conversation.channel)).toEqual(['whatsapp']);
    expect((await alex.request('search.messages', { query, filters: { from: Date.now() + 60_000 } })).hits).toEqual([]);
  });

  it('never fails on FTS syntax in the query', async () => {
    for (const query of ['"', 'NEAR(', 'body:x', '*', 'a OR', '東"', '%_\\', '']) {
      await expect(alex.request('search.messages', { query })).resolves.toHaveProperty('hits');
    }
  });
});
