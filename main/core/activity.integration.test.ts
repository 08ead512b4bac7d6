// Typing, customer presence and agent status through a real backend and a real cache: the core
// tells the renderer about the conversations it shows (those it asked `activity.get` about), every
// change of theirs arrives, the others' presence is still known when asked, and an agent's status
// change reaches the team as before.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../../shared/demo';
import { HTTP, WEBHOOK_SECRET_HEADER } from '../../shared/protocol';
import { connectAgent, startBackend, type Backend } from '../../testing/backend';
import { removeTempDirs } from './testkit/fixtures';
import { loggedInCore, waitFor, type TestCore } from './testkit/harness';

const [ALEX, BEA] = DEMO_AGENTS;

describe('typing, presence and agent status through the backend', () => {
  let backend: Backend;
  let core: TestCore;
  const told: string[][] = [];

  /** A carrier's activity webhook for an SMS customer. */
  async function customerActivity(phone: string, body: { online?: boolean; typing?: boolean }): Promise<void> {
    const response = await fetch(`${backend.url}${HTTP.activityWebhook(backend.tenant, 'sms')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SECRET_HEADER]: backend.webhookSecret },
      body: JSON.stringify({ from: phone, ...body }),
    });
    expect(response.status).toBe(200);
  }

  async function customerWrites(phone: string, text: string): Promise<string> {
    const answer = await backend.webhook('sms', { externalId: uuidv7(), from: phone, text });
    expect(answer.status).toBe(200);
    const { conversationId } = answer.json as { conversationId: string };
    await waitFor('the conversation to reach the cache', async () => (await core.handlers['inbox.list']({ view: 'all', limit: 200 })).rows.some((r) => r.conversationId === conversationId));
    return conversationId;
  }

  const online = async (conversationId: string) => (await core.handlers['activity.get']({ conversationId })).customerOnline;

  beforeAll(async () => {
    backend = await startBackend({ seed: 'demo', carrierDelayScale: 0.01 });
    core = await loggedInCore(backend.url, ALEX.email);
    core.on('activity', ({ conversationIds }) => told.push(conversationIds));
  }, 60_000);

  afterAll(async () => {
    await core?.stop();
    await backend?.stop();
    removeTempDirs();
  });

  it('tells every presence and typing change of a conversation shown, and nothing of the others', async () => {
    const shownPhone = '+1 555 700001';
    const otherPhone = '+1 555 700002';
    const shown = await customerWrites(shownPhone, 'Is anyone there?');
    const other = await customerWrites(otherPhone, 'Hello?');
    // Writing brought both customers online; asking, as the renderer does for the thread it shows,
    // makes each watched.
    await waitFor('both customers online', async () => (await online(shown)) && (await online(other)));
    told.length = 0;
    const toldAbout = (id: string) => told.some((ids) => ids.includes(id));

    await customerActivity(shownPhone, { online: false });
    await waitFor('the shown customer going offline to be told', () => toldAbout(shown));
    expect(await online(shown)).toBe(false);

    told.length = 0;
    await customerActivity(shownPhone, { typing: true });
    await waitFor('the shown customer typing to be told', () => toldAbout(shown));
    expect((await core.handlers['activity.get']({ conversationId: shown })).typing).toEqual([{ agentId: null, name: expect.any(String) }]);
    // Typing brings the customer back online; presence goes out at most once a second, so this
    // notice may come a moment after the typing one.
    told.length = 0;
    if (!(await online(shown))) {
      await waitFor('the shown customer back online to be told', () => toldAbout(shown));
      expect(await online(shown)).toBe(true);
    }

    told.length = 0;
    await customerWrites(shownPhone, 'Here is my order number: 5521.');
    await waitFor('the shown customer no longer typing to be told', () => toldAbout(shown));
    expect((await core.handlers['activity.get']({ conversationId: shown })).typing).toEqual([]);
  });

  it('keeps the presence of customers nobody looks at, without telling the renderer', async () => {
    const phone = '+1 555 700003';
    const answer = await backend.webhook('sms', { externalId: uuidv7(), from: phone, text: 'Just browsing.' });
    const { conversationId } = answer.json as { conversationId: string };
    const watched = '+1 555 700004';
    const shown = await customerWrites(watched, 'Question about my bill.');
    await waitFor('the shown customer online', () => online(shown));
    await waitFor('the conversation to reach the cache', async () => (await core.handlers['inbox.list']({ view: 'all', limit: 200 })).rows.some((r) => r.conversationId === conversationId));
    told.length = 0;
    // The unseen customer leaves, then the shown one: the second is told, the first never.
    await customerActivity(phone, { online: false });
    await customerActivity(watched, { online: false });
    await waitFor('the shown customer going offline to be told', () => told.some((ids) => ids.includes(shown)));
    expect(told.flat()).not.toContain(conversationId);
    // Asked now (the agent opens it), the unseen customer's presence is right.
    expect(await online(conversationId)).toBe(false);
    await customerActivity(phone, { online: true });
    await waitFor('the customer now shown coming back to be told', () => told.some((ids) => ids.includes(conversationId)));
    expect(await online(conversationId)).toBe(true);
  });

  it('brings another agent going away and coming back to the team', async () => {
    const bea = await backend.login(BEA.email, DEMO_PASSWORD);
    const socket = await connectAgent(backend.url, bea.token);
    const statusOfBea = async () => (await core.handlers['team.get']({})).agents.find((a) => a.id === bea.agent.id)?.status;
    try {
      expect(await statusOfBea()).toBe('available');
      await socket.request('agent.setStatus', { clientId: uuidv7(), status: 'away' });
      await waitFor('Bea away in the team', async () => (await statusOfBea()) === 'away');
      await socket.request('agent.setStatus', { clientId: uuidv7(), status: 'available' });
      await waitFor('Bea available again in the team', async () => (await statusOfBea()) === 'available');
    } finally {
      socket.close();
    }
  });
});
