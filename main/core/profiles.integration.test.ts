// Canned messages, contact profiles and drafts through a real backend and a real cache: seeded
// linked records arrive with the snapshot, team canned messages need the supervisor role, personal
// ones stay private, profile changes go through the outbox, and drafts survive a restart.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../../shared/demo';
import { startBackend, connectAgent, type Backend } from '../../testing/backend';
import { removeTempDirs } from './testkit/fixtures';
import { loggedInCore, startCore, waitFor, type TestCore } from './testkit/harness';

const [ALEX, BEA] = DEMO_AGENTS;

describe('profiles, canned messages and drafts', () => {
  let backend: Backend;
  let core: TestCore;

  beforeAll(async () => {
    backend = await startBackend({ seed: 'demo', carrierDelayScale: 0.01 });
    core = await loggedInCore(backend.url, ALEX.email);
  }, 60_000);

  afterAll(async () => {
    await core?.stop();
    await backend?.stop();
    removeTempDirs();
  });

  it('brings the seeded profiles, linked records and team canned messages', async () => {
    const h = core.handlers;
    const { rows } = await h['inbox.list']({ view: 'all', limit: 100 });
    const details = await Promise.all(rows.map((r) => h['conversation.get']({ conversationId: r.conversationId })));
    const garage = details.find((d) => (d.contact.profile?.vehicles.length ?? 0) > 0);
    expect(garage?.contact.profile?.orders.some((o) => o.kind === 'workOrder')).toBe(true);
    const shop = details.find((d) => d.contact.profile?.loyalty !== null && d.contact.profile?.loyalty !== undefined);
    expect(shop?.contact.profile?.vouchers.length).toBeGreaterThan(0);
    expect(details.some((d) => d.conversation.linkedRecord?.type === 'vehicle')).toBe(true);
    expect(details.some((d) => d.conversation.linkedRecord === null)).toBe(true);
    const canned = await h['canned.list']({});
    expect(canned.map((c) => c.shortcut)).toContain('hi');
    expect(canned.every((c) => c.scope === 'team')).toBe(true);
  });

  it('lets a supervisor edit team canned messages, an agent only their own, and keeps personal ones private', async () => {
    const h = core.handlers;
    const team = await h['canned.save']({ canned: { id: null, scope: 'team', title: 'Opening hours', shortcut: 'hours', category: 'Welcome', body: 'We are open 8–18.' } });
    const mine = await h['canned.save']({ canned: { id: null, scope: 'personal', title: 'My sign-off', shortcut: 'alexbye', category: 'Closing', body: 'Cheers, {{agent_name}}' } });
    expect(mine.ownerAgentId).not.toBeNull();
    await expect(h['canned.save']({ canned: { id: null, scope: 'team', title: 'Dup', shortcut: 'hours', category: 'X', body: 'y' } })).rejects.toMatchObject({ code: 'invalid' });
    await waitFor('the canned messages to reach the server', async () => (await h['outbox.list']({})).length === 0);

    const bea = await backend.login(BEA.email, DEMO_PASSWORD);
    const socket = await connectAgent(backend.url, bea.token);
    try {
      await expect(
        socket.request('canned.save', { clientId: uuidv7(), canned: { id: team.id, scope: 'team', title: 'x', shortcut: 'hours', category: 'y', body: 'z' } }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(socket.request('canned.delete', { clientId: uuidv7(), id: mine.id })).rejects.toMatchObject({ code: 'notFound' });
      // A new canned message takes its client id; one that names an existing message cannot take it over.
      const seeded = (await h['canned.list']({})).find((c) => c.shortcut === 'hi')!;
      await expect(
        socket.request('canned.save', { clientId: seeded.id, canned: { id: null, scope: 'personal', title: 'x', shortcut: 'beax', category: 'y', body: 'z' } }),
      ).rejects.toMatchObject({ code: 'conflict' });
      const snapshot = await socket.request('sync.snapshot', { cursor: null, limit: 1, messagesPerConversation: 0 });
      expect(snapshot.canned?.map((c) => c.id)).toContain(team.id);
      expect(snapshot.canned?.map((c) => c.id)).not.toContain(mine.id);
      const pulled = await socket.request('sync.pull', { after: snapshot.atSeq - 2, limit: 100 });
      if (pulled.mustRefetch) throw new Error('unexpected refetch');
      expect(JSON.stringify(pulled.events)).not.toContain('alexbye');
      expect(pulled.events.some((e) => e.type === 'hidden')).toBe(true);
    } finally {
      socket.close();
    }

    await h['canned.used']({ id: team.id });
    const listed = await h['canned.list']({});
    expect(listed.find((c) => c.id === team.id)?.uses).toBe(1);
    await h['canned.delete']({ id: team.id });
    expect((await h['canned.list']({})).map((c) => c.id)).not.toContain(team.id);
  });

  it('shows profile changes at once and keeps them once the server has them', async () => {
    const h = core.handlers;
    const [row] = (await h['inbox.list']({ view: 'all', limit: 1 })).rows;
    const before = await h['conversation.get']({ conversationId: row!.conversationId });
    const contactId = before.contact.id;
    const points = before.contact.profile?.loyalty?.points ?? 0;
    await h['contact.update']({ contactId, change: { op: 'setAttributes', attributes: { favourite_colour: 'teal' } } });
    await h['contact.update']({ contactId, change: { op: 'givePoints', points: 25, reason: 'Late delivery' } });
    const optimistic = await h['conversation.get']({ conversationId: row!.conversationId });
    expect(optimistic.contact.profile?.attributes.favourite_colour).toBe('teal');
    expect(optimistic.contact.profile?.loyalty?.points).toBe(points + 25);
    await waitFor('the outbox to drain', async () => (await h['outbox.list']({})).length === 0);
    const after = await h['conversation.get']({ conversationId: row!.conversationId });
    expect(after.contact.profile?.attributes.favourite_colour).toBe('teal');
    expect(after.contact.profile?.loyalty?.points).toBe(points + 25);
    expect(after.contact.profile?.notes.at(-1)?.body).toBe('+25 points: Late delivery');
    await expect(h['contact.update']({ contactId: 'nope', change: { op: 'addNote', body: 'x' } })).rejects.toMatchObject({ code: 'notFound' });
  });

  it('keeps drafts across a restart, shows them in the inbox and clears them on send', async () => {
    const [row] = (await core.handlers['inbox.list']({ view: 'mine', limit: 1 })).rows;
    const conversationId = row!.conversationId;
    await core.handlers['draft.save']({ conversationId, body: 'Half-written reply' });
    await core.stop();
    core = await startCore(backend.url, core.dataDir);
    const h = core.handlers;
    expect(await h['draft.get']({ conversationId })).toBe('Half-written reply');
    const listed = (await h['inbox.list']({ view: 'mine', limit: 50 })).rows.find((r) => r.conversationId === conversationId);
    expect(listed?.draft).toBe('Half-written reply');
    await h['message.send']({ conversationId, body: 'Half-written reply, finished' });
    expect(await h['draft.get']({ conversationId })).toBeNull();
  });
});
